// The hosts list, a host's page, the activity feed and the sign-in decisions in the admin console.
// SCENARIO: {email, password, teamName, otherTeamName, prefix, failingHost, failingHostId, secondHost,
//            secondHostId, passingHost, gatingPolicy, erroringPolicy, errorMessage, nameId}
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, launch, newPage, scenario, screenshot } from './lib/browser.mjs';
import { logIn } from './lib/console.mjs';
import { ajaxDone, choose, growl } from './lib/primefaces.mjs';

const input = scenario();
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const hostLink = (page, name) => page.locator('a.host-link', { hasText: name });

test('find, inspect, refetch, transfer and delete hosts; see activities and sign-ins', async () => {
  const page = await newPage(browser);
  await logIn(page, input.email, input.password);

  // The team's three hosts, with the state of their gating policy.
  await page.goto(`${baseUrl()}/admin/hosts.xhtml`);
  await choose(page, 'hosts:team', input.teamName);
  await hostLink(page, input.passingHost).waitFor();
  await page.waitForURL(/team=\d+/);
  const rows = page.locator('[id="hosts:list_data"] tr');
  assert.equal(await rows.count(), 3);
  const failingRow = rows.filter({ has: hostLink(page, input.failingHost) });
  assert.match(await failingRow.innerText(), /Failing 1/);
  assert.match(await failingRow.innerText(), /macOS 14\.5/);
  assert.match(await rows.filter({ has: hostLink(page, input.passingHost) }).innerText(), /Passing/);
  await screenshot(page, 'hosts-list');

  // A team in the URL that names no team: the hosts of all teams, and a note saying so.
  await page.goto(`${baseUrl()}/admin/hosts.xhtml?team=999999999&q=${encodeURIComponent(input.prefix)}`);
  await page.getByText('Team 999999999 was not found; showing all teams.').waitFor();
  assert.equal((await page.locator('[id="hosts:team_label"]').innerText()).trim(), 'All teams');
  await hostLink(page, input.passingHost).waitFor();
  assert.equal(await rows.count(), 3, 'the three hosts of the prefix, from all teams');
  await page.goto(`${baseUrl()}/admin/hosts.xhtml`);
  await page.locator('[id="hosts:list"]').waitFor();

  // Search by name, across all teams.
  await choose(page, 'hosts:team', 'All teams');
  await page.getByLabel('Search').fill(input.failingHost);
  await page.getByRole('button', { name: 'Search' }).click();
  await ajaxDone(page);
  await hostLink(page, input.passingHost).waitFor({ state: 'detached' });
  assert.equal(await rows.count(), 1);
  await hostLink(page, input.failingHost).waitFor();
  assert.match(page.url(), /q=/);

  // Hosts failing the gating policy: the two failing ones, not the passing one.
  await page.getByLabel('Search').fill(input.prefix);
  await page.getByRole('button', { name: 'Search' }).click();
  await ajaxDone(page);
  await hostLink(page, input.passingHost).waitFor();
  await choose(page, 'hosts:policy', input.gatingPolicy);
  await choose(page, 'hosts:response', 'Failing');
  await hostLink(page, input.passingHost).waitFor({ state: 'detached' });
  await hostLink(page, input.secondHost).waitFor();
  assert.equal(await rows.count(), 2);
  await page.waitForURL(/response=failing/);
  // The URL keeps the filters: opening it again shows the same list.
  await page.goto(page.url());
  await hostLink(page, input.secondHost).waitFor();
  assert.equal(await rows.count(), 2);

  // The host page: the failing gating policy, the error message, the certificate and the blocked sign-in.
  await hostLink(page, input.failingHost).click();
  await page.waitForURL(/\/admin\/host\.xhtml\?id=\d+/);
  await page.getByRole('heading', { name: input.failingHost }).waitFor();
  const policy = page.locator('[id="host:policies_data"] tr').filter({ hasText: input.gatingPolicy });
  assert.match(await policy.innerText(), /Gates sign-in/);
  assert.match(await policy.innerText(), /Failing/);
  const erroring = page.locator('[id="host:policies_data"] tr').filter({ hasText: input.erroringPolicy });
  assert.match(await erroring.innerText(), /Error/);
  assert.ok((await erroring.innerText()).includes(input.errorMessage));
  assert.match(await page.locator('.facts').innerText(), /Failing 1 gating policy/);
  const certificate = page.locator('[id="host:certificates_data"] tr').first();
  assert.match(await certificate.innerText(), /^[0-9A-F]+\s/);
  assert.match(await certificate.innerText(), /Valid/);
  const signIn = page.locator('[id="host:signIns_data"] tr').first();
  assert.match(await signIn.innerText(), /Blocked/);
  assert.ok((await signIn.innerText()).includes(input.gatingPolicy));
  assert.ok((await signIn.innerText()).includes(input.nameId));
  await screenshot(page, 'host-details');

  // Refetch, after a confirmation.
  await page.getByRole('button', { name: 'Refetch' }).click();
  await page.getByRole('button', { name: 'Request refetch' }).click();
  await growl(page, 'Refetch requested');
  await page.getByText('Refetch requested: waiting for the agent').waitFor();

  // The My device link, ready to copy.
  await page.getByRole('button', { name: 'My device link' }).click();
  const link = page.getByLabel('My device link');
  await link.waitFor();
  assert.match(await link.inputValue(), /^https:\/\/portcullis\.test:\d+\/device\/[A-Za-z0-9_-]+$/);
  await page.getByRole('button', { name: 'Copy' }).click();
  await page.locator('.copy-status').filter({ hasText: /Copied|Selected/ }).waitFor();

  // Transfer to the other team.
  await page.getByRole('button', { name: 'Transfer' }).click();
  await page.locator('[id="transferDialog"]').waitFor();
  await choose(page, 'transferForm:transferTeam', input.otherTeamName);
  await page.getByRole('button', { name: 'Move host' }).click();
  await growl(page, `Moved ${input.failingHost} to ${input.otherTeamName}.`);
  await page.locator('[id="transferDialog"]').waitFor({ state: 'hidden' });
  assert.ok((await page.locator('.facts').innerText()).includes(input.otherTeamName));

  // Delete the second host: the confirmation warns about its certificate.
  await page.goto(`${baseUrl()}/admin/host.xhtml?id=${input.secondHostId}`);
  await page.getByRole('button', { name: 'Delete' }).click();
  const warning = page.locator('.ui-confirm-dialog').filter({ hasText: 'revokes its 1 live conditional-access certificate' });
  await warning.waitFor();
  await screenshot(page, 'host-delete-confirmation');
  await page.getByRole('button', { name: 'Delete host' }).click();
  await page.waitForURL(/\/admin\/hosts\.xhtml/);
  await growl(page, `Deleted ${input.secondHost} and revoked its certificates.`);
  await page.goto(`${baseUrl()}/admin/host.xhtml?id=${input.secondHostId}`);
  await page.getByText('There is no host with this id').waitFor();

  // The activity feed shows the transfer (by the console user) and the revoked certificate.
  await page.goto(`${baseUrl()}/admin/activities.xhtml`);
  const activities = page.locator('[id="activities:list_data"] tr');
  const transfer = activities.filter({ hasText: 'Transferred hosts' }).first();
  await transfer.waitFor();
  assert.ok((await transfer.innerText()).includes(input.email));
  assert.ok((await transfer.innerText()).includes(`host ids: ${input.failingHostId}`));
  await activities.filter({ hasText: 'Revoked certificates' }).filter({ hasText: `host id: ${input.secondHostId}` }).first().waitFor();
  await screenshot(page, 'activities');
  await choose(page, 'activities:type', 'Transferred hosts');
  await activities.filter({ hasText: 'Revoked certificates' }).first().waitFor({ state: 'detached' });
  const types = await activities.locator('.activity-type').allInnerTexts();
  assert.ok(types.length > 0 && types.every((t) => t === 'Transferred hosts'), types.join());

  // Sign-in decisions: the blocked one, filtered by host; none allowed for it.
  await page.goto(`${baseUrl()}/admin/sign-ins.xhtml`);
  await page.getByRole('combobox', { name: 'Host' }).pressSequentially(input.failingHost.slice(0, 20));
  await page.locator('[id="signIns:host_panel"] li').filter({ hasText: input.failingHost }).click();
  const decisions = page.locator('[id="signIns:list_data"] tr');
  await decisions.filter({ hasText: input.failingHost }).first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll('[id="signIns:list_data"] tr').length === 1);
  const decision = decisions.first();
  assert.match(await decision.innerText(), /Blocked/);
  assert.ok((await decision.innerText()).includes(input.gatingPolicy));
  const suggestions = page.locator('[id="signIns:host_panel"]');
  if (await suggestions.isVisible()) {
    await page.keyboard.press('Escape');
  }
  await suggestions.waitFor({ state: 'hidden' });
  await screenshot(page, 'sign-ins');
  await choose(page, 'signIns:outcome', 'Allowed');
  await page.getByText('No sign-in decisions match these filters.').waitFor();
  await choose(page, 'signIns:outcome', 'Any outcome');
  await decisions.filter({ hasText: input.failingHost }).first().waitFor();
  await decisions.locator('a', { hasText: input.failingHost }).first().click();
  await page.waitForURL(new RegExp(`/admin/host\\.xhtml\\?id=${input.failingHostId}$`));

  assert.deepEqual(page.problems, []);
});
