// Policies in the admin console: add two team policies (an empty name refused on its field first),
// turn conditional access on for the team with one of them blocking sign-in, delete the other.
// After each change the REST API shows it stored. The team already has reportedPolicy, which two
// of its hosts pass and one fails.
// On a small screen the policy dialog keeps each label beside its field and Save within reach; a
// team id in the URL that names no team shows all teams and says so.
// SCENARIO: {email, password, adminToken, teamId, teamName, reportedPolicy, gatingPolicy, otherPolicy}
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, launch, newPage, scenario, screenshot } from './lib/browser.mjs';
import { logIn } from './lib/console.mjs';
import { assertInViewAndClickable, assertLabelsBesideFields } from './lib/layout.mjs';
import { choose, fillSettled } from './lib/primefaces.mjs';

const input = scenario();
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** GET of the REST API as the admin, parsed. */
async function api(path) {
  const response = await fetch(`${baseUrl()}${path}`, { headers: { Authorization: `Bearer ${input.adminToken}`, Accept: 'application/json' } });
  assert.equal(response.status, 200, `GET ${path}`);
  return response.json();
}
const storedPolicies = async () => (await api(`/api/v1/fleet/teams/${input.teamId}/policies`)).policies;

const row = (page, name) => page.locator('[id="policies:list"] tr').filter({ has: page.locator('.policy-name', { hasText: name }) });

/** Waits until the growl's confirmations have faded, so a screenshot shows the page under them. */
const growlGone = (page) => page.waitForFunction(() => !document.querySelector('.ui-growl-item-container'), null, { timeout: 20_000 });

/** Clicks and waits for the Ajax answer, so the next step sees the updated page (not the old one). */
async function clickAndWait(page, locator) {
  await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/admin/')), locator.click()]);
}

async function addPolicy(page, { name, query, description, resolution, critical }) {
  await clickAndWait(page, page.getByRole('button', { name: 'Add policy' }));
  const dialog = page.locator('[id="policyDialog"]');
  await dialog.locator('.ui-dialog-title', { hasText: 'Add policy' }).waitFor();
  await fillSettled(page, [[dialog.getByLabel('Name'), name], [dialog.getByLabel('Query'), query],
    [dialog.getByLabel('Description'), description], [dialog.getByLabel('Resolution'), resolution]]);
  if (critical) {
    await dialog.locator('[id="policyForm:critical"] .ui-chkbox-box').click();
  }
  await dialog.getByRole('button', { name: 'Save' }).click();
  await page.locator('.ui-growl-message').filter({ hasText: `Added the policy ${name}.` }).waitFor();
  await row(page, name).waitFor();
}

test('add policies, enable conditional access for the team with one gating policy, delete the other', async () => {
  const page = await newPage(browser);
  page.setDefaultTimeout(30_000); // Ajax round trips on a busy CI machine
  await logIn(page, input.email, input.password);
  await page.goto(`${baseUrl()}/admin/policies.xhtml`);
  await page.getByRole('heading', { name: 'Policies', exact: true }).waitFor();
  assert.equal((await page.locator('[id="policies:team_label"]').innerText()).trim(), 'All teams');
  assert.equal(await page.getByRole('button', { name: 'Manage automations' }).count(), 0, 'no automation for all teams at once');

  // Choosing the team updates the list and the URL, so a reload keeps the choice.
  await choose(page, 'policies:team', input.teamName);
  await page.getByText("This team's own policies.").waitFor();
  await page.waitForURL((url) => url.searchParams.get('team_id') === String(input.teamId));
  const reported = row(page, input.reportedPolicy);
  assert.equal((await reported.locator('td.count-passing').innerText()).trim(), '2');
  assert.equal((await reported.locator('td.count-failing').innerText()).trim(), '1');

  // An empty name is refused on its field, and nothing is added.
  await clickAndWait(page, page.getByRole('button', { name: 'Add policy' }));
  const dialog = page.locator('[id="policyDialog"]');
  await dialog.getByLabel('Query').fill('SELECT 1;');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.locator('[id="policyForm:name"] ~ .ui-message-error', { hasText: 'Give the policy a name.' }).waitFor();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden' });
  assert.deepEqual((await storedPolicies()).map((p) => p.name), [input.reportedPolicy], 'nothing stored for an empty name');

  await addPolicy(page, { name: input.gatingPolicy, query: 'SELECT 1 FROM disk_encryption WHERE encrypted = 1;',
    description: 'The startup disk is encrypted with FileVault.', resolution: 'Open System Settings > Privacy & Security > FileVault and turn it on.' });
  await addPolicy(page, { name: input.otherPolicy, query: 'SELECT 1 FROM alf WHERE global_state >= 1;',
    description: 'The firewall is on.', resolution: 'Turn on the firewall in System Settings > Network > Firewall.', critical: true });
  assert.match(await row(page, input.otherPolicy).innerText(), /Critical/);
  assert.deepEqual((await storedPolicies()).map((p) => [p.name, p.critical]).sort(),
    [[input.gatingPolicy, false], [input.otherPolicy, true], [input.reportedPolicy, false]].sort());

  assert.match(await page.locator('.ca-status').innerText(), /Conditional access is off/);
  const ca = page.locator('[id="conditionalAccessDialog"]');
  const openAutomation = async () => {
    await page.getByRole('button', { name: 'Manage automations' }).click();
    await clickAndWait(page, page.getByRole('menuitem', { name: 'Conditional access' }));
    await ca.getByText('Policies that block sign-in').waitFor();
  };
  const storedSwitch = async () => (await api(`/api/v1/fleet/teams/${input.teamId}`)).team.integrations.conditional_access_enabled;

  // Cancel changes nothing.
  await openAutomation();
  await ca.locator('[id="caForm:enabled"] .ui-chkbox-box').click();
  await ca.locator('label', { hasText: input.otherPolicy }).click();
  await ca.getByRole('button', { name: 'Cancel' }).click();
  await ca.waitFor({ state: 'hidden' });
  assert.equal(await storedSwitch(), false);
  assert.deepEqual((await storedPolicies()).filter((p) => p.conditional_access_enabled), []);

  // Manage automations > Conditional access: switch it on and choose the policy that blocks sign-in.
  await openAutomation();
  assert.equal(await ca.locator('[id="caForm:enabled_input"]').isChecked(), false, 'the cancelled choice is not kept');
  // Without an Okta connection the modal says so and links to where it is made.
  const okta = (await api('/api/v1/fleet/config')).conditional_access ?? {};
  const oktaConnected = Boolean(okta.okta_audience_uri && okta.okta_assertion_consumer_service_url);
  assert.equal(await ca.getByText('Okta is not connected yet.').isVisible(), !oktaConnected);
  if (!oktaConnected) {
    assert.match(await ca.getByRole('link', { name: 'Settings > Integrations' }).getAttribute('href'), /\/admin\/integrations\.xhtml/);
  }
  await ca.locator('[id="caForm:enabled"] .ui-chkbox-box').click();
  await ca.locator('label', { hasText: input.gatingPolicy }).click();
  await screenshot(page, 'conditional-access-automation');
  await ca.getByRole('button', { name: 'Save' }).click();
  await page.locator('.ui-growl-message').filter({ hasText: `Conditional access is on for ${input.teamName}: 1 policy blocks sign-in when failing.` }).waitFor();
  await ca.waitFor({ state: 'hidden' });
  assert.match(await page.locator('.ca-status').innerText(), /Conditional access is on/);
  assert.match(await row(page, input.gatingPolicy).innerText(), /Blocks sign-in/);
  assert.doesNotMatch(await row(page, input.otherPolicy).innerText(), /Blocks sign-in/);
  assert.equal(await storedSwitch(), true, 'conditional access stored as on for the team');
  assert.deepEqual((await storedPolicies()).filter((p) => p.conditional_access_enabled).map((p) => p.name), [input.gatingPolicy],
    'only the ticked policy blocks sign-in');
  await growlGone(page);
  await screenshot(page, 'policies-list');

  // Delete asks first; Cancel keeps the policy, Delete removes it.
  await row(page, input.otherPolicy).getByRole('button', { name: 'Delete' }).click();
  const confirm = page.locator('.ui-confirm-dialog');
  await confirm.getByText(`Delete ${input.otherPolicy} and the results`).waitFor();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await row(page, input.otherPolicy).count(), 1);
  await row(page, input.otherPolicy).getByRole('button', { name: 'Delete' }).click();
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await page.locator('.ui-growl-message').filter({ hasText: `Deleted the policy ${input.otherPolicy}.` }).waitFor();
  await row(page, input.otherPolicy).waitFor({ state: 'detached' });
  assert.deepEqual((await storedPolicies()).map((p) => p.name).sort(), [input.gatingPolicy, input.reportedPolicy].sort(),
    'the deleted policy is gone');

  // The team choice lives in the URL: a reload shows the same team.
  await page.reload();
  await row(page, input.gatingPolicy).waitFor();
  assert.equal((await page.locator('[id="policies:team_label"]').innerText()).trim(), input.teamName);

  // No team: the modal shows the switch for hosts without a team (from the settings); Cancel leaves it.
  await choose(page, 'policies:team', 'No team');
  await page.waitForURL((url) => url.searchParams.get('team_id') === 'none');
  await openAutomation();
  const noTeamSwitch = (await api('/api/v1/fleet/config')).integrations.conditional_access_enabled;
  assert.equal(await ca.locator('[id="caForm:enabled_input"]').isChecked(), noTeamSwitch);
  assert.equal(await ca.locator('label', { hasText: input.gatingPolicy }).count(), 0, 'a team policy is not offered for hosts with no team');
  await ca.getByRole('button', { name: 'Cancel' }).click();
  await ca.waitFor({ state: 'hidden' });
  assert.deepEqual(page.problems, []);
});

test('on a 1280×650 screen the policy dialog shows each label beside its field and Save within reach', async () => {
  const page = await newPage(browser, { viewport: { width: 1280, height: 650 } });
  page.setDefaultTimeout(30_000);
  await logIn(page, input.email, input.password);
  await page.goto(`${baseUrl()}/admin/policies.xhtml?team_id=${input.teamId}`);
  await page.getByText("This team's own policies.").waitFor();
  await clickAndWait(page, page.getByRole('button', { name: 'Add policy' }));
  const dialog = page.locator('[id="policyDialog"]');
  await dialog.locator('.ui-dialog-title', { hasText: 'Add policy' }).waitFor();
  await page.waitForFunction(() => PrimeFaces.ajax.Queue.isEmpty());
  await page.waitForTimeout(500); // the dialog's opening animation
  const label = (text) => dialog.locator('.form-grid > label', { hasText: text });
  const field = (id) => dialog.locator(`[id="policyForm:${id}"]`);
  await assertLabelsBesideFields([[label('Name'), field('name')], [label('Query'), field('query')],
    [label('Description'), field('description')], [label('Resolution'), field('resolution')],
    [label('Platform'), field('platform')], [label('Critical'), field('critical')]]);
  await screenshot(page, 'policy-dialog-small-screen');
  const save = dialog.getByRole('button', { name: 'Save' });
  await assertInViewAndClickable(page, save, 'Save');
  await assertInViewAndClickable(page, dialog.getByRole('button', { name: 'Cancel' }), 'Cancel');
  // Save answers: the empty name is refused on its field.
  await save.click({ trial: true, timeout: 5_000 });
  await save.click();
  await dialog.locator('[id="policyForm:name"] ~ .ui-message-error', { hasText: 'Give the policy a name.' }).waitFor();
  await assertLabelsBesideFields([[label('Name'), field('name')], [label('Query'), field('query')]]);
  await assertInViewAndClickable(page, dialog.getByRole('button', { name: 'Cancel' }), 'Cancel after the refusal');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden' });
  assert.deepEqual(page.problems, []);
});

test('a team id in the URL that names no team shows all teams, says so and offers nothing for a team', async () => {
  const page = await newPage(browser);
  page.setDefaultTimeout(30_000);
  await logIn(page, input.email, input.password);
  for (const id of ['999999999', '0', '-1']) {
    await page.goto(`${baseUrl()}/admin/policies.xhtml?team_id=${id}`);
    await page.getByRole('heading', { name: 'Policies', exact: true }).waitFor();
    assert.equal((await page.locator('[id="policies:team_label"]').innerText()).trim(), 'All teams', `team_id=${id}`);
    await page.getByText(`Team ${id} was not found; showing all teams.`).waitFor();
    await page.getByText('Global policies run on every host.').waitFor();
    assert.equal(await page.getByText("This team's own policies.").count(), 0, `team_id=${id}: no team's text`);
    assert.equal(await page.getByRole('button', { name: 'Manage automations' }).count(), 0, `team_id=${id}: no automation`);
    assert.equal(await page.locator('.ca-status').count(), 0, `team_id=${id}: no conditional access status`);
    assert.equal(await page.getByRole('heading', { name: 'Inherited global policies' }).count(), 0, `team_id=${id}`);
  }
  await screenshot(page, 'policies-unknown-team');
  // Choosing a team from there works as usual, and the note goes.
  await choose(page, 'policies:team', input.teamName);
  await page.getByText("This team's own policies.").waitFor();
  assert.equal(await page.getByText('was not found; showing all teams.').count(), 0);
  await page.waitForURL((url) => url.searchParams.get('team_id') === String(input.teamId));
  assert.deepEqual(page.problems, []);
});
