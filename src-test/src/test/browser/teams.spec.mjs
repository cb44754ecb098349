// Teams and enroll secrets in the admin console; after each step the REST API shows the change stored.
// Prints the secrets it keeps and deletes (KEPT_SECRET=, DELETED_SECRET=, GLOBAL_SECRET=,
// DELETED_GLOBAL_SECRET=) for the Java test to try with a real agent.
// SCENARIO: {email, password, adminToken, team, doomedTeam, renamedTeam}
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, launch, newPage, scenario, screenshot } from './lib/browser.mjs';
import { logIn } from './lib/console.mjs';
import { assertInViewAndClickable, assertLabelsBesideFields } from './lib/layout.mjs';
import { ajaxDone, fillSettled } from './lib/primefaces.mjs';

const input = scenario();
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const growl = (page, text) => page.locator('.ui-growl-message').filter({ hasText: text }).first().waitFor();
const teamRow = (page, name) => page.locator('[id="teams:list"] tr').filter({ has: page.locator('.team-name', { hasText: name }) });
/** GET of the REST API as the admin, parsed. */
async function api(path) {
  const response = await fetch(`${baseUrl()}${path}`, { headers: { Authorization: `Bearer ${input.adminToken}`, Accept: 'application/json' } });
  assert.equal(response.status, 200, `GET ${path}`);
  return response.json();
}
const storedTeam = async (name) => (await api('/api/v1/fleet/teams')).teams.find((t) => t.name === name);
const storedTeamSecrets = async (id) => (await api(`/api/v1/fleet/teams/${id}/secrets`)).secrets.map((s) => s.secret);
const storedGlobalSecrets = async () => (await api('/api/v1/fleet/spec/enroll_secret')).spec.secrets.map((s) => s.secret);

/** The message shown next to the team dialog's Name field. */
const fieldMessage = (page, text) => page.locator('[id="teamForm:name"] ~ .ui-message-error').filter({ hasText: text });
const secretValues = async (scope) => scope.locator('.secret-table input').evaluateAll((inputs) => inputs.map((i) => i.value));

async function createTeam(page, name) {
  await page.getByRole('button', { name: 'Create team' }).click();
  const dialog = page.locator('[id="teamDialog"]');
  await fillSettled(page, [[dialog.getByLabel('Name'), name]]);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await growl(page, `Created the team ${name} with a new enroll secret.`);
  await teamRow(page, name).waitFor();
}

async function confirmDelete(page) {
  await page.locator('.ui-confirm-dialog').getByRole('button', { name: 'Delete' }).click();
  await page.locator('.ui-confirm-dialog').waitFor({ state: 'hidden' });
}

test('teams: create (an empty name refused), secrets added and deleted, a team renamed and deleted', async () => {
  const page = await newPage(browser);
  page.setDefaultTimeout(30_000);
  await logIn(page, input.email, input.password);
  await page.goto(`${baseUrl()}/admin/teams.xhtml`);
  await page.getByRole('heading', { name: 'Teams', exact: true }).waitFor();

  const teamsBefore = (await api('/api/v1/fleet/teams')).teams.length;
  await page.getByRole('button', { name: 'Create team' }).click();
  const teamDialog = page.locator('[id="teamDialog"]');
  await teamDialog.locator('.ui-dialog-title', { hasText: 'Create team' }).waitFor();
  await ajaxDone(page);
  await page.waitForTimeout(500); // the dialog's opening animation
  const teamFields = () => [[teamDialog.locator('.form-grid > label', { hasText: 'Name' }), teamDialog.locator('[id="teamForm:name"]')],
    [teamDialog.locator('.form-grid > label', { hasText: 'Description' }), teamDialog.locator('[id="teamForm:description"]')]];
  await assertLabelsBesideFields(teamFields());
  await assertInViewAndClickable(page, teamDialog.getByRole('button', { name: 'Save' }), 'Save');
  await page.locator('[id="teamDialog"]').getByRole('button', { name: 'Save' }).click();
  await fieldMessage(page, 'Give the team a name.').waitFor();
  await assertLabelsBesideFields(teamFields());
  await screenshot(page, 'team-dialog');
  await page.locator('[id="teamDialog"]').getByRole('button', { name: 'Cancel' }).click();
  assert.equal((await api('/api/v1/fleet/teams')).teams.length, teamsBefore, 'nothing stored for an empty name');

  await createTeam(page, input.team);
  const team = await storedTeam(input.team);
  assert.ok(team, 'the created team is stored');
  await createTeam(page, input.doomedTeam);
  assert.ok(await storedTeam(input.doomedTeam));

  // The same name again: the service's refusal shows on the name field, nothing is stored.
  await page.getByRole('button', { name: 'Create team' }).click();
  await page.locator('[id="teamDialog"]').getByLabel('Name').fill(input.team);
  await page.locator('[id="teamDialog"]').getByRole('button', { name: 'Save' }).click();
  await fieldMessage(page, `A team with the name ${input.team} already exists`).waitFor();
  await page.locator('[id="teamDialog"]').getByRole('button', { name: 'Cancel' }).click();
  assert.equal((await api('/api/v1/fleet/teams')).teams.filter((t) => t.name === input.team).length, 1);
  await screenshot(page, 'teams-list');

  await teamRow(page, input.team).getByRole('button', { name: 'Secrets' }).click();
  const dialog = page.locator('[id="secretsDialog"]');
  await dialog.locator('.secret-table input').first().waitFor();
  const first = await secretValues(dialog);
  assert.equal(first.length, 1, 'a new team has one secret');
  assert.deepEqual(await storedTeamSecrets(team.id), first);
  await dialog.getByRole('button', { name: 'Add secret' }).click();
  await growl(page, `Added a new enroll secret for ${input.team}.`);
  await dialog.locator('.secret-table input').nth(1).waitFor();
  const both = await secretValues(dialog);
  assert.equal(both.length, 2);
  const added = both.find((s) => !first.includes(s));
  assert.ok(added && added.length >= 24, 'the added secret is long and random');
  assert.deepEqual((await storedTeamSecrets(team.id)).sort(), [...both].sort());
  await dialog.locator('.secret-table tr').filter({ has: page.locator(`input[value="${first[0]}"]`) }).getByRole('button', { name: 'Delete' }).click();
  await confirmDelete(page);
  await growl(page, 'Deleted the enroll secret.');
  await dialog.locator(`input[value="${first[0]}"]`).waitFor({ state: 'detached' });
  assert.deepEqual(await secretValues(dialog), [added]);
  assert.deepEqual(await storedTeamSecrets(team.id), [added]);
  await screenshot(page, 'team-secrets');
  await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
  console.log(`KEPT_SECRET=${added}`);
  console.log(`DELETED_SECRET=${first[0]}`);

  // Rename: a taken name is refused on the field; a free one is stored under the same id.
  const doomedId = (await storedTeam(input.doomedTeam)).id;
  const renameDialog = page.locator('[id="teamDialog"]');
  await teamRow(page, input.doomedTeam).getByRole('button', { name: 'Rename' }).click();
  await renameDialog.getByText('Rename team').waitFor();
  await fillSettled(page, [[renameDialog.getByLabel('Name'), input.team]]);
  await renameDialog.getByRole('button', { name: 'Save' }).click();
  await fieldMessage(page, `A team with the name ${input.team} already exists`).waitFor();
  await fillSettled(page, [[renameDialog.getByLabel('Name'), input.renamedTeam]]);
  await renameDialog.getByRole('button', { name: 'Save' }).click();
  await growl(page, `Saved the team ${input.renamedTeam}.`);
  await teamRow(page, input.renamedTeam).waitFor();
  assert.equal((await storedTeam(input.renamedTeam))?.id, doomedId, 'renamed in place');
  assert.equal(await storedTeam(input.doomedTeam), undefined, 'the old name is gone');

  await teamRow(page, input.renamedTeam).getByRole('button', { name: 'Delete' }).click();
  await page.locator('.ui-confirm-dialog').getByText(`Delete ${input.renamedTeam}, its policies`).waitFor();
  await confirmDelete(page);
  await growl(page, `Deleted the team ${input.renamedTeam}.`);
  await teamRow(page, input.renamedTeam).waitFor({ state: 'detached' });
  assert.equal(await storedTeam(input.renamedTeam), undefined, 'the deleted team is gone');

  // The global secrets: add two, delete the first (after confirming).
  await page.getByRole('menuitem', { name: 'Settings' }).hover();
  await page.getByRole('menuitem', { name: 'Enroll secrets' }).click();
  await page.getByRole('heading', { name: 'Enroll secrets', exact: true }).waitFor();
  const before = await secretValues(page);
  assert.deepEqual([...before].sort(), (await storedGlobalSecrets()).sort());
  const addGlobal = async (count) => {
    await page.getByRole('button', { name: 'Add secret' }).click();
    await growl(page, 'Added a new enroll secret.');
    await page.locator('.secret-table input').nth(count - 1).waitFor();
    return (await secretValues(page)).filter((s) => !before.includes(s));
  };
  const [doomedGlobal] = await addGlobal(before.length + 1);
  assert.ok((await storedGlobalSecrets()).includes(doomedGlobal), 'the added global secret is stored');
  const global = (await addGlobal(before.length + 2)).find((s) => s !== doomedGlobal);
  assert.ok(global && global.length >= 24);
  const flags = await page.locator('pre.flags').innerText();
  assert.match(flags, /--enroll_tls_endpoint=\/api\/osquery\/enroll/);
  const serverUrl = new URL((await api('/api/v1/fleet/config')).server_settings.server_url);
  assert.ok(flags.includes(`--tls_hostname=${serverUrl.host}\n`), `the server URL's host in ${flags}`);
  await page.locator('.secret-table tr').filter({ has: page.locator(`input[value="${doomedGlobal}"]`) })
    .getByRole('button', { name: 'Delete' }).click();
  await page.locator('.ui-confirm-dialog').getByText('Agents that enroll with this secret from now on are refused.').waitFor();
  await confirmDelete(page);
  await growl(page, 'Deleted the enroll secret.');
  await page.locator(`input[value="${doomedGlobal}"]`).waitFor({ state: 'detached' });
  const stored = await storedGlobalSecrets();
  assert.ok(stored.includes(global) && !stored.includes(doomedGlobal), 'the deleted global secret is gone, the other kept');
  await screenshot(page, 'enroll-secrets');
  console.log(`GLOBAL_SECRET=${global}`);
  console.log(`DELETED_GLOBAL_SECRET=${doomedGlobal}`);
  assert.deepEqual(page.problems, []);
});
