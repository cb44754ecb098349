// Shared steps for the admin console's scenarios.
import { baseUrl } from './browser.mjs';

/** Logs in through the console's login page and waits for the console's navigation. */
export async function logIn(page, email, password) {
  await page.goto(`${baseUrl()}/admin/login.xhtml`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('button', { name: 'Log out' }).waitFor();
}
