// The monthly wellbeing check in the browser, at 360 px: the demo volunteer, who has not answered this
// month's check, finds it in his portal, is refused without a point of the scale (what he wrote is kept),
// answers it and sees it done; no axe violations and no horizontal scrolling on any of these pages.
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

test("a volunteer answers the monthly wellbeing check on a phone", async () => {
  const page = await openPage(browser, phone);
  await signIn(page, "benevole@demo.example");
  await page.waitForURL(baseUrl + "/portal");
  // The portal offers this month's check.
  const link = page.locator("main a[href='/portal/wellbeing']");
  assert.equal(await link.count(), 1, "the portal offers this month's check");
  await link.click();
  await page.waitForURL(baseUrl + "/portal/wellbeing");
  assert.equal(await page.locator("input[name=score][type=radio]").count(), 5, "a scale of five points");
  await noHorizontalScrolling(page, "wellbeing check");
  assert.deepEqual(await axeViolations(page), [], "wellbeing check");
  await screenshot(page, "wellbeing-check-phone");

  // Without a point of the scale: refused, the note kept.
  await page.locator("textarea[name=note]").fill("Un mois chargé, mais ça va (essai).");
  await page.locator("form[action='/portal/wellbeing'] button[type=submit]").click();
  await page.locator("#score-error").waitFor();
  assert.equal(await page.inputValue("textarea[name=note]"), "Un mois chargé, mais ça va (essai).");
  await noHorizontalScrolling(page, "wellbeing check with an error");
  assert.deepEqual(await axeViolations(page), [], "wellbeing check with an error");

  // Answered: the page says so and the form is gone; the portal no longer offers it.
  await page.locator("label[for='score-4']").click();
  await page.locator("form[action='/portal/wellbeing'] button[type=submit]").click();
  await page.waitForURL(baseUrl + "/portal/wellbeing?answered=1");
  assert.equal(await page.locator("form[action='/portal/wellbeing']").count(), 0, "answered once a month");
  assert.match(await page.textContent("main"), /Un mois chargé, mais ça va \(essai\)\./);
  assert.match(await page.textContent("main dd"), /^4 — /);
  await noHorizontalScrolling(page, "wellbeing check answered");
  assert.deepEqual(await axeViolations(page), [], "wellbeing check answered");
  await page.goto(baseUrl + "/portal");
  assert.equal(await page.locator("main a[href='/portal/wellbeing']").count(), 0);
  // The refused form answered 422, as it should; nothing else went wrong.
  assert.deepEqual(page.problems.filter((p) => !p.includes("422")), [], "no CSP violation or script error");
  await page.context().close();
});
