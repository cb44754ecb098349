// A failing policy that no bypass can cover: the page offers no Resolve later and says why.
// SCENARIO: {path, deviceName, failingPolicies: [...], criticalPolicy?, reason, screenshot}
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, launch, newPage, scenario, screenshot } from './lib/browser.mjs';

const input = scenario();
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test(`no Resolve later, and the reason: ${input.reason}`, async () => {
  const page = await newPage(browser);
  await page.goto(`${baseUrl()}${input.path}`);
  await page.getByRole('heading', { name: 'Sign-in blocked: this device needs attention' }).waitFor();
  for (const name of input.failingPolicies) {
    const item = page.locator('li.policy').filter({ has: page.locator('.policy-name', { hasText: name }) });
    assert.equal(await item.locator('.badge').innerText(), 'Action required', name);
    assert.match(await item.innerText(), /How to fix/);
    assert.ok((await item.innerText()).includes(`Resolve later is not available: ${input.reason}`), name);
  }
  if (input.criticalPolicy) {
    const critical = page.locator('li.policy').filter({ has: page.locator('.policy-name', { hasText: input.criticalPolicy }) });
    assert.match(await critical.innerText(), /Critical: this must be fixed before you can sign in/);
  }
  assert.ok((await page.locator('section.notice').innerText()).includes(`Resolve later is not available: ${input.reason}`));
  assert.equal(await page.getByRole('button', { name: 'Resolve later' }).count(), 0);
  assert.equal(await page.locator('dialog').count(), 0);
  await page.getByRole('button', { name: 'Refetch' }).waitFor();
  await screenshot(page, input.screenshot);
  assert.deepEqual(page.problems, []);
});
