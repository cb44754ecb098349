// Layout checks for the console's forms and dialogs, measured in the browser.
import assert from 'node:assert/strict';

/**
 * Asserts that each [label, field] pair of locators sits on one row of its form: the label wholly
 * left of its field and the two overlapping vertically (a label that slid into another row or
 * column of a .form-grid fails).
 */
export async function assertLabelsBesideFields(pairs) {
  for (const [label, field] of pairs) {
    const text = (await label.innerText()).replace(/\*$/, '').trim();
    const l = await label.boundingBox();
    const f = await field.boundingBox();
    assert.ok(l && f, `${text}: the label and its field are shown`);
    const where = `label at x ${l.x}..${l.x + l.width}, y ${l.y}..${l.y + l.height}; `
      + `field at x ${f.x}..${f.x + f.width}, y ${f.y}..${f.y + f.height}`;
    assert.ok(l.x + l.width <= f.x, `${text}: the label is left of its field (${where})`);
    assert.ok(l.y < f.y + f.height && f.y < l.y + l.height, `${text}: the label is on its field's row (${where})`);
  }
}

/** Asserts that the element lies wholly inside the viewport and that a click at its centre reaches it. */
export async function assertInViewAndClickable(page, locator, what) {
  const box = await locator.boundingBox();
  const { width, height } = page.viewportSize();
  assert.ok(box, `${what} is shown`);
  assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= width && box.y + box.height <= height,
    `${what} is inside the ${width}×${height} viewport: x ${box.x}..${box.x + box.width}, y ${box.y}..${box.y + box.height}`);
  const hit = await locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return top !== null && (el === top || el.contains(top));
  });
  assert.ok(hit, `${what} is not covered by anything else`);
}
