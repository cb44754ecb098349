// Teams and enroll secrets in the admin console. Prints the secrets it keeps and deletes
// (KEPT_SECRET=, DELETED_SECRET=, GLOBAL_SECRET=) for the Java test to try with a real agent.
// SCENARIO: {email, password, team, doomedTeam}
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, launch, newPage, scenario, screenshot } from './lib/browser.mjs';
import { logIn } from './lib/console.mjs';

const input = scenario();
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const growl = (page, text) => page.locator('.ui-growl-message').filter({ hasText: text }).first().waitFor();
const teamRow = (page, name) => page.locator('[id="teams:list"] tr').filter({ has: page.locator('.team-name', { hasText: name }) });
const secretValues = async (scope) => scope.locator('.secret-table input').evaluateAll((inputs) => inputs.map((i) => i.value));

async function createTeam(page, name) {
  await page.getByRole('button', { name: 'Create team' }).click();
  const dialog = page.locator('[id="teamDialog"]');
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await growl(page, `Created the team ${name} with a new enroll secret.`);
  await teamRow(page, name).waitFor();
}

async function confirmDelete(page) {
  await page.locator('.ui-confirm-dialog').getByRole('button', { name: 'Delete' }).click();
  await page.locator('.ui-confirm-dialog').waitFor({ state: 'hidden' });
}

test('teams: create (an empty name refused), secrets added and deleted, a team deleted', async () => {
  const page = await newPage(browser);
  page.setDefaultTimeout(30_000);
  await logIn(page, input.email, input.password);
  await page.goto(`${baseUrl()}/admin/teams.xhtml`);
  await page.getByRole('heading', { name: 'Teams', exact: true }).waitFor();

  await page.getByRole('button', { name: 'Create team' }).click();
  await page.locator('[id="teamDialog"]').getByRole('button', { name: 'Save' }).click();
  await page.locator('[id="teamDialog"]').getByText('Give the team a name.').waitFor();
  await page.locator('[id="teamDialog"]').getByRole('button', { name: 'Cancel' }).click();

  await createTeam(page, input.team);
  await createTeam(page, input.doomedTeam);
  await screenshot(page, 'teams-list');

  await teamRow(page, input.team).getByRole('button', { name: 'Secrets' }).click();
  const dialog = page.locator('[id="secretsDialog"]');
  await dialog.locator('.secret-table input').first().waitFor();
  const first = await secretValues(dialog);
  assert.equal(first.length, 1, 'a new team has one secret');
  await dialog.getByRole('button', { name: 'Add secret' }).click();
  await growl(page, `Added a new enroll secret for ${input.team}.`);
  await dialog.locator('.secret-table input').nth(1).waitFor();
  const both = await secretValues(dialog);
  assert.equal(both.length, 2);
  const added = both.find((s) => !first.includes(s));
  assert.ok(added && added.length >= 24, 'the added secret is long and random');
  await dialog.locator('.secret-table tr').filter({ has: page.locator(`input[value="${first[0]}"]`) }).getByRole('button', { name: 'Delete' }).click();
  await confirmDelete(page);
  await growl(page, 'Deleted the enroll secret.');
  await dialog.locator(`input[value="${first[0]}"]`).waitFor({ state: 'detached' });
  assert.deepEqual(await secretValues(dialog), [added]);
  await screenshot(page, 'team-secrets');
  await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
  console.log(`KEPT_SECRET=${added}`);
  console.log(`DELETED_SECRET=${first[0]}`);

  await teamRow(page, input.doomedTeam).getByRole('button', { name: 'Delete' }).click();
  await page.locator('.ui-confirm-dialog').getByText(`Delete ${input.doomedTeam}, its policies`).waitFor();
  await confirmDelete(page);
  await growl(page, `Deleted the team ${input.doomedTeam}.`);
  await teamRow(page, input.doomedTeam).waitFor({ state: 'detached' });

  // The global secrets: add one, see it listed.
  await page.getByRole('menuitem', { name: 'Settings' }).hover();
  await page.getByRole('menuitem', { name: 'Enroll secrets' }).click();
  await page.getByRole('heading', { name: 'Enroll secrets', exact: true }).waitFor();
  const before = await secretValues(page);
  await page.getByRole('button', { name: 'Add secret' }).click();
  await growl(page, 'Added a new enroll secret.');
  await page.locator('.secret-table input').nth(before.length).waitFor();
  const global = (await secretValues(page)).find((s) => !before.includes(s));
  assert.ok(global);
  assert.match(await page.locator('pre.flags').innerText(), /--enroll_tls_endpoint=\/api\/osquery\/enroll/);
  await screenshot(page, 'enroll-secrets');
  console.log(`GLOBAL_SECRET=${global}`);
  assert.deepEqual(page.problems, []);
});
