// Users in the admin console: an administrator creates an observer, who then sees but cannot change.
// SCENARIO: {adminEmail, adminPassword, name, email, password, hostname, hostId, teamId, policy}
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, launch, newPage, scenario, screenshot } from './lib/browser.mjs';
import { logIn } from './lib/console.mjs';
import { ajaxDone, choose, fillSettled, growl } from './lib/primefaces.mjs';

const input = scenario();
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the administrator creates an observer, who sees hosts and policies but no change buttons', async () => {
  const admin = await newPage(browser);
  await logIn(admin, input.adminEmail, input.adminPassword);
  await admin.getByRole('menuitem', { name: 'Settings' }).hover();
  await admin.getByRole('menuitem', { name: 'Users' }).click();
  await admin.waitForURL(/\/admin\/users\.xhtml/);
  const users = admin.locator('[id="users:list_data"] tr');
  assert.match(await users.filter({ hasText: input.adminEmail }).innerText(), /Admin/);

  // A weak password is refused on its field; nothing is created.
  await admin.getByRole('button', { name: 'Add user' }).click();
  await ajaxDone(admin);
  const dialog = admin.locator('.ui-dialog').filter({ hasText: 'Add user' });
  await dialog.waitFor();
  await fillSettled(admin, [[dialog.getByLabel('Full name'), input.name], [dialog.getByLabel('Email'), input.email],
    [dialog.getByLabel('Password'), 'short']]);
  await admin.getByRole('button', { name: 'Create user' }).click();
  await dialog.locator('.ui-message-error').filter({ hasText: 'Password must meet the criteria' }).waitFor();
  assert.match(await dialog.getByLabel('Password').getAttribute('class'), /ui-state-error/);
  await screenshot(admin, 'users-weak-password');
  assert.equal(await users.filter({ hasText: input.email }).count(), 0);

  // A strong one, with the observer role (the default global role).
  await dialog.getByLabel('Password').fill(input.password);
  await admin.getByRole('button', { name: 'Create user' }).click();
  await growl(admin, `Created ${input.email}.`);
  await dialog.waitFor({ state: 'hidden' });
  const row = users.filter({ hasText: input.email });
  await row.waitFor();
  assert.match(await row.innerText(), /Observer/);
  await screenshot(admin, 'users');

  // The same email again is refused on the email field.
  await admin.getByRole('button', { name: 'Add user' }).click();
  await ajaxDone(admin);
  await dialog.waitFor();
  await fillSettled(admin, [[dialog.getByLabel('Full name'), 'Someone Else'], [dialog.getByLabel('Email'), input.email],
    [dialog.getByLabel('Password'), input.password]]);
  await admin.getByRole('button', { name: 'Create user' }).click();
  await dialog.locator('.ui-message-error').filter({ hasText: 'already exists' }).waitFor();
  assert.match(await dialog.getByLabel('Email').getAttribute('class'), /ui-state-error/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await users.filter({ hasText: input.email }).count(), 1);

  // A role change, there and back: maintainer for a moment, then observer again.
  const editDialog = admin.locator('.ui-dialog').filter({ hasText: 'Edit role' });
  for (const role of ['Maintainer', 'Observer']) {
    await row.getByRole('button', { name: 'Edit role' }).click();
    await ajaxDone(admin);
    await editDialog.waitFor();
    await choose(admin, 'editRoles:globalRole', role);
    await editDialog.getByRole('button', { name: 'Save role' }).click();
    await growl(admin, `Changed the role of ${input.name}`);
    await editDialog.waitFor({ state: 'hidden' });
    await row.filter({ hasText: role }).waitFor();
  }

  // Deleting oneself is refused with a clear message.
  await users.filter({ hasText: input.adminEmail }).getByRole('button', { name: 'Delete' }).click();
  await ajaxDone(admin);
  await admin.getByRole('button', { name: 'Delete user' }).click();
  await growl(admin, 'You cannot delete yourself');
  assert.deepEqual(admin.problems, []);

  // The observer sees the hosts and a host's policies, and nothing to change.
  const observer = await newPage(browser);
  await logIn(observer, input.email, input.password);
  assert.match(await observer.locator('.console-user').innerText(), /Observer/);
  await observer.getByLabel('Search').fill(input.hostname);
  await observer.getByRole('button', { name: 'Search' }).click();
  await observer.locator('a.host-link', { hasText: input.hostname }).click();
  await observer.waitForURL(new RegExp(`/admin/host\\.xhtml\\?id=${input.hostId}$`));
  const policy = observer.locator('[id="host:policies_data"] tr').filter({ hasText: input.policy });
  assert.match(await policy.innerText(), /Failing/);
  for (const name of ['Refetch', 'Transfer', 'Delete', 'My device link']) {
    assert.equal(await observer.getByRole('button', { name }).count(), 0, `${name} is not offered to an observer`);
  }
  await screenshot(observer, 'observer-host');
  // The team's policies too, without Add, Edit or Delete.
  await observer.goto(`${baseUrl()}/admin/policies.xhtml?team_id=${input.teamId}`);
  await observer.getByText(input.policy).first().waitFor();
  for (const name of ['Add policy', 'Edit', 'Delete']) {
    assert.equal(await observer.getByRole('button', { name }).count(), 0, `${name} is not offered to an observer`);
  }
  await observer.getByRole('menuitem', { name: 'Settings' }).hover();
  await observer.getByRole('menuitem', { name: 'Teams' }).waitFor();
  assert.equal(await observer.getByRole('menuitem', { name: 'Users' }).count(), 0, 'no Users menu for an observer');
  await observer.goto(`${baseUrl()}/admin/users.xhtml`);
  await observer.getByText('Only administrators manage users.').waitFor();
  assert.equal(await observer.getByRole('button', { name: 'Add user' }).count(), 0);
  assert.deepEqual(observer.problems, []);
});
