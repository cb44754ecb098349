// Steps for PrimeFaces widgets that are not plain HTML controls.

/** Waits until PrimeFaces has no Ajax request queued or in flight. */
export async function ajaxDone(page) {
  await page.waitForFunction(() => window.PrimeFaces && PrimeFaces.ajax.Queue.isEmpty());
}

/** Picks the option labelled {@code label} in the p:selectOneMenu with client id {@code id}. */
export async function choose(page, id, label) {
  await page.locator(`[id="${id}"]`).click();
  const panel = page.locator(`[id="${id}_panel"]`);
  await panel.waitFor();
  // A click while the panel is still sliding open can be lost: wait until it is fully open.
  await page.waitForFunction((panelId) => document.getElementById(panelId)?.classList.contains('ui-connected-overlay-enter-done'),
    `${id}_panel`);
  await panel.locator(`li.ui-selectonemenu-item[data-label="${label}"]`).click();
  try {
    await panel.waitFor({ state: 'hidden' });
  } catch (e) {
    const html = await page.locator(`[id="${id}"]`).evaluate((el) => el.outerHTML);
    throw new Error(`${e.message}\nproblems: ${page.problems.join('; ')}\nwidget: ${html}`);
  }
  await ajaxDone(page);
}

/** Waits until the growl shows a message containing {@code text}; returns its locator. */
export async function growl(page, text) {
  const message = page.locator('.ui-growl-message').filter({ hasText: text });
  await message.first().waitFor();
  return message.first();
}

/**
 * Fills inputs ([locator, value] pairs) in a dialog that an Ajax answer may still be redrawing:
 * waits for PrimeFaces to be idle, fills, waits again and fills anew whatever the redraw reset.
 */
export async function fillSettled(page, pairs) {
  for (let attempt = 1; ; attempt++) {
    await ajaxDone(page);
    for (const [locator, value] of pairs) {
      if ((await locator.inputValue()) !== value) {
        await locator.fill(value);
      }
    }
    await ajaxDone(page);
    await page.waitForTimeout(100);
    const settled = [];
    for (const [locator, value] of pairs) {
      settled.push((await locator.inputValue()) === value);
    }
    if (settled.every(Boolean)) {
      return;
    }
    if (attempt === 3) {
      throw new Error('the form kept being redrawn while it was filled');
    }
  }
}
