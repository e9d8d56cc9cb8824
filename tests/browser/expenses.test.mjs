// Expenses in the browser, at 360 px: the demo volunteer opens their expenses from the portal, sees
// their claims in every state, files a mileage claim with a photo of the receipt (a distance that
// is not one is refused and kept first), sees it listed and opens its receipt, with no axe
// violations and no horizontal scrolling.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, axeViolations, screenshot, signIn, baseUrl, phone, orgDay } from "./support.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// A 1×1 transparent PNG: what the phone's camera sends, only smaller.
const receipt = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64");

async function noHorizontalScrolling(page, what) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= phone.width, `${what}: no horizontal scrolling (${scrollWidth} px)`);
}

test("a volunteer files a mileage claim with a receipt photo on a phone", async () => {
  const page = await openPage(browser, phone);
  await signIn(page, "benevole@demo.example");
  await page.waitForURL(baseUrl + "/portal");
  await page.locator("main a[href='/portal/expenses']").click();
  await page.waitForURL(baseUrl + "/portal/expenses");

  // The demo's claims: paid, approved, refused with its reason, and awaiting review.
  const claims = page.locator("section[aria-labelledby='claims-title'] .records li");
  assert.ok(await claims.count() >= 5, "the demo claims are listed");
  assert.equal(await page.locator("section[aria-labelledby='claims-title'] .badge--danger").count(), 1);
  assert.ok(await page.locator("section[aria-labelledby='claims-title'] .badge--warning").count() >= 2);
  await noHorizontalScrolling(page, "expenses");
  assert.deepEqual(await axeViolations(page), [], "expenses");

  // A distance that is not one is refused, and what was typed stays.
  const form = page.locator("form[action='/portal/expenses']");
  await form.locator("input[name=incurred_on]").fill(orgDay(-1));
  await form.locator("select[name=kind]").selectOption("mileage");
  await form.locator("input[name=distance]").fill("loin");
  await form.locator("input[name=note]").fill("Rencontre du cercle, essai du navigateur");
  await form.locator("button[type=submit]").click();
  await page.locator("#distance-error").waitFor();
  assert.equal(await page.inputValue("input[name=note]"), "Rencontre du cercle, essai du navigateur");
  assert.deepEqual(await axeViolations(page), [], "expenses with an error");

  // Corrected, with the receipt's photo.
  await page.locator("input[name=distance]").fill("12,4");
  await page.locator("input[name=receipt]").setInputFiles({ name: "recu.png", mimeType: "image/png", buffer: receipt });
  await page.locator("form[action='/portal/expenses'] button[type=submit]").click();
  await page.waitForURL(baseUrl + "/portal/expenses?filed=1");
  const filed = page.locator("section[aria-labelledby='claims-title'] .records li",
    { hasText: "Rencontre du cercle, essai du navigateur" });
  assert.equal(await filed.count(), 1);
  assert.match(await filed.textContent(), /12[,.]4 km/);
  assert.equal(await filed.locator(".badge--warning").count(), 1, "awaiting review");
  await noHorizontalScrolling(page, "expenses after filing");
  assert.deepEqual(await axeViolations(page), [], "expenses after filing");
  await screenshot(page, "volunteer-expenses-phone");

  // The receipt comes back as it was sent.
  const href = await filed.locator("a[href$='/receipt']").getAttribute("href");
  const response = await page.request.get(baseUrl + href);
  assert.equal(response.status(), 200);
  assert.deepEqual(Buffer.from(await response.body()), receipt);
  // The refused form answered 422, as it should; nothing else went wrong.
  assert.deepEqual(page.problems.filter((p) => !p.includes("422")), [], "no CSP violation or script error");
  await page.context().close();
});
