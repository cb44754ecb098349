// Settings > Integrations, step by step as the Okta setup guide names it.
// Input (SCENARIO), role "admin": {email, password, adminToken, idpId, acs, audience, editedAudience,
//   certificatePath, wrongFilePath, metadataUrl, ssoUrl, idpFingerprint, caFingerprint, profile}.
// Role "observer": {email, password, idpId, audience} with Okta already connected.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { baseUrl, launch, newPage, scenario, screenshot } from './lib/browser.mjs';
import { logIn } from './lib/console.mjs';
import { ajaxDone, fillSettled } from './lib/primefaces.mjs';

const input = scenario();
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The Okta part of the app config, read through the REST API as the admin. */
async function storedOkta() {
  const response = await fetch(`${baseUrl()}/api/v1/fleet/config`,
    { headers: { Authorization: `Bearer ${input.adminToken}`, Accept: 'application/json' } });
  assert.equal(response.status, 200);
  return (await response.json()).conditional_access;
}

/** Clicks what starts a download and returns the downloaded bytes. */
async function download(page, trigger) {
  const started = page.waitForEvent('download');
  await trigger.click();
  const file = await started;
  return readFile(await file.path());
}

async function clipboard(page) {
  return page.evaluate(() => navigator.clipboard.readText());
}

const growl = (page, text) => page.locator('.ui-growl').getByText(text);

if (input.role === 'admin') {
  test('an administrator connects Okta, disables bypass, edits and deletes the connection', async () => {
    // Tall enough for the whole Connect modal in the screenshots.
    const page = await newPage(browser, { viewport: { width: 1280, height: 1300 },
      permissions: ['clipboard-read', 'clipboard-write'] });
    await logIn(page, input.email, input.password);
    await page.goto(`${baseUrl()}/admin/integrations.xhtml?welcome=true`);
    await page.getByText('Welcome to Portcullis.').waitFor();
    const card = page.locator('#card');
    await card.getByText('Not connected').waitFor();

    // What Okta and the proxy need, with Copy buttons.
    assert.equal(await page.getByLabel('IdP Issuer URI').inputValue(), input.metadataUrl);
    assert.equal(await page.getByLabel('IdP Single Sign-On URL and Destination').inputValue(), input.ssoUrl);
    assert.equal(await page.locator('#serialFormat').innerText(), 'hex');
    await page.locator('#setup').getByRole('button', { name: 'Copy' }).first().click();
    await page.locator('#setup').getByText('Copied.').waitFor();
    assert.equal(await clipboard(page), input.metadataUrl);
    const der = await download(page, page.getByRole('link', { name: 'Download CA certificate (DER)' }));
    assert.equal(new X509Certificate(der).fingerprint256, input.caFingerprint);
    const pem = await download(page, page.getByRole('link', { name: 'Download CA certificate (PEM)' }));
    assert.match(pem.toString(), /^-----BEGIN CERTIFICATE-----/);
    assert.equal(new X509Certificate(pem).fingerprint256, input.caFingerprint);

    // Guide steps 1 and 2: the modal gives the IdP certificate and the user scope profile.
    await card.getByRole('button', { name: 'Connect' }).click();
    await ajaxDone(page);
    const dialog = page.locator('#oktaDialog');
    await dialog.getByText('Identity provider (IdP) signature certificate').waitFor();
    const profile = dialog.getByLabel('User scope profile');
    assert.equal((await profile.inputValue()).replace(/\r\n/g, '\n'), input.profile.replace(/\r\n/g, '\n'));
    assert.equal((await download(page, dialog.getByRole('link', { name: 'Download .mobileconfig' }))).toString(), input.profile);
    const idpCertificate = await download(page, dialog.getByRole('link', { name: 'Download certificate' }));
    const parsed = new X509Certificate(idpCertificate);
    assert.equal(parsed.fingerprint256, input.idpFingerprint);
    await dialog.getByRole('button', { name: 'Copy' }).click();
    await dialog.getByText('Copied.').waitFor();
    assert.match(await clipboard(page), /<plist/);

    // Step 4: Okta's values. A private key is not the Okta certificate: refused on its field.
    await dialog.getByLabel('IdP ID').fill(input.idpId);
    await dialog.getByLabel('Assertion consumer service URL').fill(input.acs);
    await dialog.getByLabel('Audience URI').fill(input.audience);
    await dialog.locator('input[type=file]').setInputFiles(input.wrongFilePath);
    await dialog.getByText('okta-certificate.pem was refused: a private key is not a certificate').waitFor();
    await screenshot(page, 'okta-wrong-file');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('Upload the certificate downloaded from Okta.').waitFor();
    assert.equal((await storedOkta()).okta_idp_id, null, 'nothing saved with a wrong file');

    await dialog.locator('input[type=file]').setInputFiles(input.certificatePath);
    await dialog.getByText(/Selected .*: CN=okta-integrations\.example, valid until/).waitFor();
    await screenshot(page, 'okta-connect-modal');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await growl(page, 'Okta connected.').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await card.getByText('Connected', { exact: true }).waitFor();
    await card.getByText(input.idpId, { exact: true }).waitFor();
    await screenshot(page, 'integrations-connected');
    let stored = await storedOkta();
    assert.equal(stored.okta_idp_id, input.idpId);
    assert.equal(stored.okta_assertion_consumer_service_url, input.acs);
    assert.equal(stored.okta_audience_uri, input.audience);
    assert.equal(stored.okta_certificate.trim(), (await readFile(input.certificatePath, 'utf8')).trim());
    const oktaCertificate = stored.okta_certificate;

    // Disable bypass: saved at once, and said so.
    await page.locator('#bypass .ui-chkbox-box').click();
    await growl(page, 'Bypass disabled').waitFor();
    assert.equal((await storedOkta()).bypass_disabled, true);

    // Edit: the same modal, prefilled; the certificate stays when no new one is chosen.
    await card.getByRole('button', { name: 'Edit' }).click();
    await ajaxDone(page); // the modal is redrawn with the stored values: type only after that
    await dialog.getByText('Current: CN=okta-integrations.example').waitFor();
    assert.equal(await dialog.getByLabel('IdP ID').inputValue(), input.idpId);
    // An http ACS URL: the service's reason shows on that field, and nothing changes.
    await fillSettled(page, [[dialog.getByLabel('Assertion consumer service URL'), input.acs.replace('https:', 'http:')]]);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('Must be an absolute https URL').waitFor();
    assert.equal((await storedOkta()).okta_assertion_consumer_service_url, input.acs, 'nothing saved with an invalid URL');
    await dialog.getByLabel('Assertion consumer service URL').fill(input.acs);
    await dialog.getByLabel('Audience URI').fill(input.editedAudience);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await growl(page, 'Okta connection saved.').waitFor();
    await card.getByText(input.editedAudience, { exact: true }).waitFor();
    stored = await storedOkta();
    assert.equal(stored.okta_audience_uri, input.editedAudience);
    assert.equal(stored.okta_certificate, oktaCertificate);

    // Delete, after a warning to disable conditional access in Okta first.
    await card.getByRole('button', { name: 'Delete' }).click();
    const confirm = page.locator('.ui-confirm-dialog');
    await confirm.getByText(/Security > Authentication policies/).waitFor();
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    await confirm.waitFor({ state: 'hidden' });
    assert.equal((await storedOkta()).okta_idp_id, input.idpId, 'kept when the user says so');
    await card.getByRole('button', { name: 'Delete' }).click();
    await confirm.getByRole('button', { name: 'Delete connection' }).click();
    await growl(page, 'Okta connection deleted.').waitFor();
    await card.getByText('Not connected').waitFor();
    stored = await storedOkta();
    assert.equal(stored.okta_idp_id, null);
    assert.equal(stored.okta_certificate, null);
    assert.deepEqual(page.problems, []);
  });
}

if (input.role === 'observer') {
  test('an observer sees the Okta connection and downloads, but nothing to change them with', async () => {
    const page = await newPage(browser);
    await logIn(page, input.email, input.password);
    await page.goto(`${baseUrl()}/admin/integrations.xhtml`);
    const card = page.locator('#card');
    await card.getByText('Connected', { exact: true }).waitFor();
    await card.getByText(input.idpId, { exact: true }).waitFor();
    await card.getByText(input.audience, { exact: true }).waitFor();
    // Button names start with their icon's glyph, so match the words, not the whole name.
    assert.equal(await page.getByRole('button', { name: /Connect|Edit|Delete|Save/ }).count(), 0, 'no button that changes');
    assert.equal(await page.locator('#oktaDialog').count(), 0, 'the Connect/Edit modal is not even on the page');
    assert.ok(await page.locator('#bypass input[type=checkbox]').isDisabled(), 'the bypass checkbox is read-only');
    const idpCertificate = await download(page, page.getByRole('link', { name: 'Download IdP certificate' }));
    assert.ok(new X509Certificate(idpCertificate).subject.length > 0);
    await screenshot(page, 'integrations-observer');
    assert.deepEqual(page.problems, []);
  });
}
