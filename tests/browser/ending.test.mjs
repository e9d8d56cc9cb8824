// The end-of-circle questionnaire in the browser, at 360 px: the demo volunteer, whose circle with
// Hervé closed ten days ago, finds its questionnaire on his portal, is refused without an answer
// to every statement (his comment is kept), answers it and sees it done; no axe violations and no
// horizontal scrolling on any of these pages.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, axeViolations, screenshot, signIn, baseUrl, phone } from "./support.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function noHorizontalScrolling(page, what) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= phone.width, `${what}: no horizontal scrolling (${scrollWidth} px)`);
}

test("a volunteer answers the end-of-circle questionnaire on a phone", async () => {
  const page = await openPage(browser, phone);
  await signIn(page, "benevole@demo.example");
  await page.waitForURL(baseUrl + "/portal");
  // The portal offers the questionnaire of the circle that closed. Earlier files of the run may have
  // closed circles of his too (circle_formation closes the one it forms): the newest come first, so the
  // demo's is the last.
  const links = page.locator("main a[href^='/portal/endings/']");
  assert.ok(await links.count() >= 1, "the portal offers the questionnaire");
  const link = links.last();
  const href = await link.getAttribute("href");
  await link.click();
  await page.waitForURL(baseUrl + href);
  assert.equal(await page.locator("fieldset input[type=radio][name=q_supported]").count(), 5,
               "a scale of five points");
  assert.equal(await page.locator("fieldset legend").count(), 4, "four statements");
  await noHorizontalScrolling(page, "questionnaire");
  assert.deepEqual(await axeViolations(page), [], "questionnaire");
  await screenshot(page, "ending-questionnaire-phone");

  // Only two statements answered: refused, the answers and the comment kept.
  const form = `form[action='${href}']`;
  await page.locator("label[for='q_supported-4']").click();
  await page.locator("label[for='q_training-3']").click();
  await page.locator("textarea[name=comment]").fill("Un cercle exigeant mais utile (essai).");
  await page.locator(`${form} button[type=submit]`).click();
  await page.locator("#q_difference-error").waitFor();
  assert.equal(await page.inputValue("textarea[name=comment]"), "Un cercle exigeant mais utile (essai).");
  assert.ok(await page.isChecked("#q_supported-4"), "the answer given is kept");
  await noHorizontalScrolling(page, "questionnaire with an error");
  assert.deepEqual(await axeViolations(page), [], "questionnaire with an error");

  // Answered: the page says so and the form is gone; the portal no longer offers it.
  await page.locator("label[for='q_difference-5']").click();
  await page.locator("label[for='q_again-4']").click();
  await page.locator(`${form} button[type=submit]`).click();
  await page.waitForURL(baseUrl + href + "?answered=1");
  assert.equal(await page.locator(form).count(), 0, "answered once");
  await noHorizontalScrolling(page, "questionnaire answered");
  assert.deepEqual(await axeViolations(page), [], "questionnaire answered");
  await page.goto(baseUrl + "/portal");
  assert.equal(await page.locator(`main a[href='${href}']`).count(), 0, "no longer offered");
  // The refused form answered 422, as it should; nothing else went wrong.
  assert.deepEqual(page.problems.filter((p) => !p.includes("422")), [], "no CSP violation or script error");
  await page.context().close();
});
