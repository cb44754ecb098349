// Refetch: the page says it waits for the device, then shows the new results once the agent (the
// Java test plays it) reports them; or says the device has not answered after a while.
// SCENARIO: {path, deviceName, policy}. The Java test answers the first Refetch only, after the
// screenshot refetch-waiting.png exists.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, launch, newPage, scenario, screenshot } from './lib/browser.mjs';

const input = scenario();
const url = `${baseUrl()}${input.path}`;
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

function policyItem(page) {
  return page.locator('li.policy').filter({ has: page.locator('.policy-name', { hasText: input.policy }) });
}

test('Refetch shows that it waits, then the new results when the agent reports', async () => {
  const page = await newPage(browser);
  await page.goto(url);
  assert.equal(await policyItem(page).locator('.badge').innerText(), 'Action required');
  const refetch = page.getByRole('button', { name: 'Refetch' });
  await refetch.click();
  const status = page.locator('#refetch-status');
  await status.getByText('Waiting for this device to report fresh results').waitFor();
  assert.equal(await status.getAttribute('role'), 'status', 'announced to screen readers');
  assert.equal(await refetch.isDisabled(), true);
  await screenshot(page, 'refetch-waiting');

  await page.waitForURL(/done=refetched/, { timeout: 90_000 });
  await page.getByRole('status').getByText('Fresh results arrived from this device.').waitFor();
  assert.equal(await policyItem(page).locator('.badge').innerText(), 'Passing');
  await page.getByRole('heading', { name: "This device meets your organisation's requirements" }).waitFor();
  assert.equal(await page.getByText('Action required', { exact: true }).count(), 0);
  await screenshot(page, 'refetch-done');
  assert.deepEqual(page.problems, []);
});

test('a device that does not answer: the page says so after two minutes', async () => {
  const page = await newPage(browser);
  await page.clock.install();
  await page.goto(url);
  const refetch = page.getByRole('button', { name: 'Refetch' });
  await refetch.click();
  const status = page.locator('#refetch-status');
  await status.getByText('Waiting for this device to report fresh results').waitFor();
  await page.clock.fastForward('01:50');
  await page.waitForTimeout(500);
  assert.match(await status.innerText(), /Waiting/, 'still waiting before two minutes');
  await page.clock.fastForward('00:15');
  await status.getByText('This device has not answered yet.').waitFor({ timeout: 20_000 });
  assert.equal(await refetch.isDisabled(), false, 'Refetch can be pressed again');
  await screenshot(page, 'refetch-no-answer');
  assert.deepEqual(page.problems, []);
});
