// The end user arrives on My device from a blocked Okta sign-in, understands why, and takes a
// one-time bypass ("Resolve later" and its confirmation).
// SCENARIO: {arrivalPath, deviceName, failingPolicy, passingPolicy, ungatedPolicy, resolutionLine}
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, launch, newPage, scenario, screenshot } from './lib/browser.mjs';

const input = scenario();
const url = `${baseUrl()}${input.arrivalPath}`;
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The list item of a policy, by its exact name. */
function policyItem(page, name) {
  return page.locator('li.policy').filter({ has: page.locator('.policy-name', { hasText: name }) });
}

test('arriving from a blocked sign-in: what happened, why, what to do, how to try again', async () => {
  const page = await newPage(browser);
  const response = await page.goto(url);
  assert.equal(response.status(), 200);
  const csp = response.headers()['content-security-policy'];
  assert.match(csp, /script-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline/);

  assert.match(await page.getByRole('heading', { level: 1 }).innerText(), new RegExp(input.deviceName));
  const notice = page.locator('section.notice');
  await notice.getByRole('heading', { name: 'Sign-in blocked: this device needs attention' }).waitFor();
  const explained = await notice.innerText();
  assert.match(explained, /the sign-in was stopped because this device fails a check/);
  assert.ok(explained.includes(input.failingPolicy), 'names the failing policy');
  assert.ok(!explained.includes(input.ungatedPolicy), 'a policy that does not gate is not a reason');
  assert.match(explained, /Press Refetch/);
  assert.match(explained, /go back to your app and sign in again/);

  const failing = policyItem(page, input.failingPolicy);
  assert.equal(await failing.locator('.badge').innerText(), 'Action required');
  await failing.getByText(input.resolutionLine).waitFor();
  assert.equal(await policyItem(page, input.passingPolicy).locator('.badge').innerText(), 'Passing');
  const ungated = policyItem(page, input.ungatedPolicy);
  assert.equal(await ungated.locator('.badge').innerText(), 'Failing');
  assert.equal(await ungated.locator('.policy-name').innerText(), input.ungatedPolicy, 'shown as text, not markup');

  // The failing policy opens and closes to its resolution, by mouse and by keyboard.
  const summary = failing.locator('summary');
  await summary.click();
  assert.equal(await failing.getByText(input.resolutionLine).isVisible(), false);
  await summary.focus();
  await page.keyboard.press('Enter');
  await failing.getByText(input.resolutionLine).waitFor();
  await screenshot(page, 'arrival');
  assert.deepEqual(page.problems, []);
});

test('on a phone the same page fits the screen', async () => {
  const page = await newPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await page.goto(url);
  await page.getByRole('heading', { name: 'Sign-in blocked: this device needs attention' }).waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px too wide)`);
  const resolveLater = policyItem(page, input.failingPolicy).getByRole('button', { name: 'Resolve later' });
  const box = await resolveLater.boundingBox();
  assert.ok(box.height >= 44 && box.x >= 0 && box.x + box.width <= 390, `a tappable button ${JSON.stringify(box)}`);
  await screenshot(page, 'arrival-phone');
  assert.deepEqual(page.problems, []);
});

test('without JavaScript the page still explains everything and Resolve later still asks first', async () => {
  const page = await newPage(browser, { javaScriptEnabled: false });
  await page.goto(url);
  await page.getByRole('heading', { name: 'Sign-in blocked: this device needs attention' }).waitFor();
  await policyItem(page, input.failingPolicy).getByRole('button', { name: 'Resolve later' }).click();
  await page.waitForURL(/confirm=resolve-later/);
  const dialog = page.getByRole('dialog', { name: 'Resolve later?' });
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /sign in once/);
  await screenshot(page, 'no-javascript-confirmation');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden' });
});

test('the confirmation reached by its link is a modal too when JavaScript runs', async () => {
  const page = await newPage(browser);
  await page.goto(`${url}?confirm=resolve-later#resolve-later`);
  const dialog = page.getByRole('dialog', { name: 'Resolve later?' });
  await dialog.waitFor();
  assert.equal(await dialog.evaluate((d) => d.matches(':modal')), true);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  const opener = policyItem(page, input.failingPolicy).getByRole('button', { name: 'Resolve later' });
  assert.equal(await opener.evaluate((b) => b === document.activeElement), true, 'focus lands on Resolve later');
  assert.deepEqual(page.problems, []);
});

test('Resolve later opens a confirmation dialog; confirming records a single sign-in', async () => {
  const page = await newPage(browser);
  await page.goto(url);
  const opener = policyItem(page, input.failingPolicy).getByRole('button', { name: 'Resolve later' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Resolve later?' });
  await dialog.waitFor();
  assert.equal(await dialog.evaluate((d) => d.matches(':modal')), true, 'a modal dialog');
  assert.equal(await dialog.evaluate((d) => d.contains(document.activeElement)), true, 'focus moved into the dialog');
  const text = await dialog.innerText();
  assert.match(text, /sign in once/);
  assert.match(text, /blocked again/);
  assert.ok(text.includes(input.failingPolicy));
  await screenshot(page, 'resolve-later-dialog');

  // Escape closes it and puts focus back on the button that opened it.
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await opener.evaluate((b) => b === document.activeElement), true, 'focus returns to Resolve later');

  await page.keyboard.press('Enter');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Resolve later: allow one sign-in' }).click();
  await page.waitForURL(/done=bypass/);
  const recorded = page.getByRole('status').filter({ hasText: 'Resolve later is recorded.' });
  await recorded.waitFor();
  assert.match(await recorded.innerText(), /next sign-in will be allowed once/);
  assert.equal(await page.getByRole('button', { name: 'Resolve later' }).count(), 0, 'offered no more');
  await screenshot(page, 'bypass-recorded');
  assert.deepEqual(page.problems, []);
});
