// Policies in the admin console: add two team policies (an empty name refused on its field first),
// turn conditional access on for the team with one of them blocking sign-in, delete the other.
// SCENARIO: {email, password, teamId, teamName, gatingPolicy, otherPolicy}
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, launch, newPage, scenario, screenshot } from './lib/browser.mjs';
import { logIn } from './lib/console.mjs';

const input = scenario();
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const row = (page, name) => page.locator('[id="policies:list"] tr').filter({ has: page.locator('.policy-name', { hasText: name }) });

async function addPolicy(page, { name, query, description, resolution, critical }) {
  await page.getByRole('button', { name: 'Add policy' }).click();
  const dialog = page.locator('[id="policyDialog"]');
  await dialog.locator('.ui-dialog-title', { hasText: 'Add policy' }).waitFor();
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Query').fill(query);
  await dialog.getByLabel('Description').fill(description);
  await dialog.getByLabel('Resolution').fill(resolution);
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
  await page.goto(`${baseUrl()}/admin/policies.xhtml?team=${input.teamId}`);
  await page.getByRole('heading', { name: 'Policies', exact: true }).waitFor();
  assert.equal((await page.locator('[id="policies:team_label"]').innerText()).trim(), input.teamName);

  // An empty name is refused on its field, and nothing is added.
  await page.getByRole('button', { name: 'Add policy' }).click();
  const dialog = page.locator('[id="policyDialog"]');
  await dialog.getByLabel('Query').fill('SELECT 1;');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.getByText('Give the policy a name.').waitFor();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden' });

  await addPolicy(page, { name: input.gatingPolicy, query: 'SELECT 1 FROM disk_encryption WHERE encrypted = 1;',
    description: 'The startup disk is encrypted with FileVault.', resolution: 'Open System Settings > Privacy & Security > FileVault and turn it on.' });
  await addPolicy(page, { name: input.otherPolicy, query: 'SELECT 1 FROM alf WHERE global_state >= 1;',
    description: 'The firewall is on.', resolution: 'Turn on the firewall in System Settings > Network > Firewall.', critical: true });
  assert.match(await row(page, input.otherPolicy).innerText(), /Critical/);

  assert.match(await page.locator('.ca-status').innerText(), /Conditional access is off/);
  // Manage automations > Conditional access: switch it on and choose the policy that blocks sign-in.
  await page.getByRole('button', { name: 'Manage automations' }).click();
  await page.getByRole('menuitem', { name: 'Conditional access' }).click();
  const ca = page.locator('[id="conditionalAccessDialog"]');
  await ca.getByText('Policies that block sign-in').waitFor();
  await ca.locator('[id="caForm:enabled"] .ui-chkbox-box').click();
  await ca.locator('label', { hasText: input.gatingPolicy }).click();
  await screenshot(page, 'conditional-access-automation');
  await ca.getByRole('button', { name: 'Save' }).click();
  await page.locator('.ui-growl-message').filter({ hasText: `Conditional access is on for ${input.teamName}: 1 policy blocks sign-in when failing.` }).waitFor();
  await ca.waitFor({ state: 'hidden' });
  assert.match(await page.locator('.ca-status').innerText(), /Conditional access is on/);
  assert.match(await row(page, input.gatingPolicy).innerText(), /Blocks sign-in/);
  assert.doesNotMatch(await row(page, input.otherPolicy).innerText(), /Blocks sign-in/);
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

  // The team choice lives in the URL: a reload shows the same team.
  await page.reload();
  await row(page, input.gatingPolicy).waitFor();
  assert.deepEqual(page.problems, []);
});
