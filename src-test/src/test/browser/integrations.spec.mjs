// Settings > Integrations, step by step as the Okta setup guide names it.
// Input (SCENARIO), role "admin": {email, password, adminToken, idpId, acs, audience, editedAudience,
//   certificatePath, wrongFilePath, expiredCertificatePath, metadataUrl, ssoUrl, idpFingerprint, caFingerprint, profile}.
// Role "observer": {email, password, idpId, audience} with Okta already connected.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** The error message shown on the Okta modal's field whose input has client id {@code inputId}. */
const fieldError = (dialog, inputId) => dialog.locator(`div.field:has([id="${inputId}"]) .ui-message-error`);
const certificateError = (dialog) => dialog.locator('[id="okta:certificateField"] .ui-message-error');

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

    // Step 4: Okta's values. Wrong values and no certificate yet: every field says what is wrong, all at once.
    await fillSettled(page, [[dialog.getByLabel('IdP ID'), 'x'.repeat(3000)],
      [dialog.getByLabel('Assertion consumer service URL'), 'javascript:alert(1)'], [dialog.getByLabel('Audience URI'), 'not a url']]);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await ajaxDone(page);
    await certificateError(dialog).getByText('Upload the certificate downloaded from Okta.').waitFor();
    assert.match(await fieldError(dialog, 'okta:idpId').innerText(), /Must be at most 255 characters/);
    assert.match(await fieldError(dialog, 'okta:acsUrl').innerText(), /Must be an absolute https URL/);
    assert.match(await fieldError(dialog, 'okta:audienceUri').innerText(), /Is not a valid URL/);
    assert.equal(await dialog.locator('.ui-message-error').count(), 4, 'one message on each field');
    // What was typed stays in the fields, to be corrected rather than typed again.
    assert.equal(await dialog.getByLabel('Assertion consumer service URL').inputValue(), 'javascript:alert(1)');
    assert.equal(await dialog.getByLabel('Audience URI').inputValue(), 'not a url');
    assert.equal((await dialog.getByLabel('IdP ID').inputValue()).length, 3000);
    await screenshot(page, 'okta-all-field-errors');
    assert.equal((await storedOkta()).okta_idp_id, null, 'nothing saved with wrong values');
    await fillSettled(page, [[dialog.getByLabel('IdP ID'), input.idpId],
      [dialog.getByLabel('Assertion consumer service URL'), input.acs], [dialog.getByLabel('Audience URI'), input.audience]]);

    // A private key is not the Okta certificate: refused on its field.
    await dialog.locator('input[type=file]').setInputFiles(input.wrongFilePath);
    await dialog.getByText('okta-certificate.pem was refused: a private key is not a certificate').waitFor();
    await screenshot(page, 'okta-wrong-file');

    // Too large for a certificate: the same message whether or not the file is past the server's
    // 4 MiB upload limit (the browser refuses it before sending it).
    const temp = await mkdtemp(join(tmpdir(), 'portcullis-integrations-'));
    try {
      for (const [name, size] of [['large.pem', 100 * 1024], ['huge.pem', 5 * 1024 * 1024]]) {
        const path = join(temp, name);
        await writeFile(path, Buffer.alloc(size, 'A'));
        await dialog.locator('input[type=file]').setInputFiles(path);
        await certificateError(dialog).getByText(`File '${name}' must not be larger than 64.0`).waitFor();
        await ajaxDone(page);
      }
    } finally {
      await rm(temp, { recursive: true, force: true });
    }

    // An expired certificate is refused as soon as it is chosen, not only at Save.
    await dialog.locator('input[type=file]').setInputFiles(input.expiredCertificatePath);
    await certificateError(dialog).getByText(/Expired on 2021-01-01/).waitFor();
    assert.equal(await dialog.getByText(/Selected expired\.pem/).count(), 0, 'not taken as the certificate');
    await ajaxDone(page);
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
    // The other fields too: typing while the modal settles must not land in a neighbouring field.
    await fillSettled(page, [[dialog.getByLabel('IdP ID'), input.idpId],
      [dialog.getByLabel('Assertion consumer service URL'), input.acs.replace('https:', 'http:')]]);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('Must be an absolute https URL').waitFor();
    assert.equal((await storedOkta()).okta_assertion_consumer_service_url, input.acs, 'nothing saved with an invalid URL');
    await fillSettled(page, [[dialog.getByLabel('IdP ID'), input.idpId],
      [dialog.getByLabel('Assertion consumer service URL'), input.acs], [dialog.getByLabel('Audience URI'), input.editedAudience]]);
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
