// Steps for PrimeFaces widgets that are not plain HTML controls.

/** Picks the option labelled {@code label} in the p:selectOneMenu with client id {@code id}. */
export async function choose(page, id, label) {
  await page.locator(`[id="${id}"]`).click();
  const panel = page.locator(`[id="${id}_panel"]`);
  await panel.waitFor();
  await panel.locator(`li.ui-selectonemenu-item[data-label="${label}"]`).click();
  await panel.waitFor({ state: 'hidden' });
}

/** Waits until the growl shows a message containing {@code text}; returns its locator. */
export async function growl(page, text) {
  const message = page.locator('.ui-growl-message').filter({ hasText: text });
  await message.first().waitFor();
  return message.first();
}
