// Proves the harness: chromium starts, reaches the server, and a screenshot is written.
// Input (SCENARIO): {token, deviceName, policyName} of a host failing a gating policy.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { baseUrl, launch, newPage, scenario, screenshot } from './lib/browser.mjs';

const input = scenario();
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the My device page loads in chromium and is screenshotted', async () => {
  const page = await newPage(browser);
  const response = await page.goto(`${baseUrl()}/device/${input.token}/policies`);
  assert.equal(response.status(), 200);
  await assert.doesNotReject(page.getByRole('heading', { level: 1 }).filter({ hasText: input.deviceName }).waitFor());
  assert.match(await page.locator('body').innerText(), new RegExp(input.policyName));
  const file = await screenshot(page, 'device-page');
  assert.ok(existsSync(file), file);
  assert.deepEqual(page.problems, []);
});
