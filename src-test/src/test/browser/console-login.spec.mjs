// First run, login, logout and an expired session in the admin console, on a server with no users yet.
// SCENARIO: {name, email, password, sessionSeconds}
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, launch, newPage, scenario, screenshot } from './lib/browser.mjs';

const input = scenario();
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('setup, login, logout and session expiry', async () => {
  const page = await newPage(browser);

  // A fresh server sends everyone to the first-run setup page.
  await page.goto(`${baseUrl()}/`);
  await page.getByRole('heading', { name: 'Set up Portcullis' }).waitFor();
  await page.getByLabel('Full name').fill(input.name);
  await page.getByLabel('Email').fill(input.email);
  await page.getByLabel(/^Password/).fill('short');
  await page.getByLabel('Confirm password').fill('short');
  await page.getByLabel('Organisation name').fill('Example Corp');
  await page.getByRole('button', { name: 'Create administrator' }).click();
  const passwordError = page.locator('[id="setup:password"] ~ .ui-message-error, .ui-message-error').filter({ hasText: 'Password must meet the criteria' });
  await passwordError.first().waitFor();
  assert.match(await page.getByLabel(/^Password/).getAttribute('class'), /ui-state-error/);
  await screenshot(page, 'setup-weak-password');

  await page.getByLabel(/^Password/).fill(input.password);
  await page.getByLabel('Confirm password').fill(input.password);
  await page.getByRole('button', { name: 'Create administrator' }).click();
  await page.waitForURL(/\/admin\/integrations\.xhtml\?welcome=true/);
  assert.ok((await page.locator('.console-user').innerText()).includes(input.name));

  // Setup happens once.
  await page.goto(`${baseUrl()}/admin/setup.xhtml`);
  await page.waitForURL(/\/admin\/hosts\.xhtml|\/admin\/login\.xhtml/);

  // Logging out ends the session: console pages lead to the login page again.
  await page.goto(`${baseUrl()}/admin/hosts.xhtml`);
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByText('You are logged out.').waitFor();
  await page.goto(`${baseUrl()}/admin/policies.xhtml`);
  await page.waitForURL(/\/admin\/login\.xhtml/);

  await page.getByLabel('Email').fill(input.email);
  await page.getByLabel('Password').fill('Wrong-password-123!');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByText('The email or password is incorrect.').waitFor();
  await screenshot(page, 'login-refused');
  await page.getByLabel('Password').fill(input.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(/\/admin\/hosts\.xhtml/);
  const signedInAt = Date.now();

  // Once the session token's lifetime has passed, a page and a Faces Ajax request both lead to the login page.
  await page.waitForTimeout(Math.max(0, input.sessionSeconds * 1000 + 1500 - (Date.now() - signedInAt)));
  const ajax = await page.evaluate(async () => {
    const r = await fetch('/admin/hosts.xhtml', { method: 'POST', headers: { 'Faces-Request': 'partial/ajax' } });
    return r.text();
  });
  assert.match(ajax, /<partial-response><redirect url="\/admin\/login\.xhtml\?expired=true"\/><\/partial-response>/);
  await page.getByRole('menuitem', { name: 'Policies' }).click();
  await page.getByText('Your session ended. Log in again to continue.').waitFor();
  assert.match(page.url(), /\/admin\/login\.xhtml\?expired=true/);
  await screenshot(page, 'session-expired');
  assert.deepEqual(page.problems, []);
});
