// Risk and protective factors at 1280 px and on a 360 px phone: the coordination opens a review's
// factors from a demo circle's page (the demo rated the newest), sees a refused rating with its error
// linked to the field, rates a factor and finds it saved; the core member's outcomes page charts
// each factor with its table; the dashboard shows the first-to-last change; the admin reads the
// list of factors. Axe finds nothing on each page, and no page scrolls sideways on the phone.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, axeViolations, signInAs, baseUrl, desktop, phone } from "./support.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function checkPage(page, what) {
  assert.deepEqual(await axeViolations(page), [], what);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert.equal(overflow, false, `${what}: no horizontal scrolling`);
}

// The path of the factors of a demo review: the first circle of the list whose page links one.
async function reviewFactorsPath(page) {
  await page.goto(baseUrl + "/circles");
  const circles = await page.locator(".circle-list a[href^='/circles/']").evaluateAll(
    (links) => links.map((link) => link.getAttribute("href")));
  for (const circle of circles) {
    await page.goto(baseUrl + circle);
    const link = page.locator("a[href^='/circles/reviews/'][href$='/factors']");
    // The newest review first: the demo rated the last three.
    if (await link.count() > 0) return link.first().getAttribute("href");
  }
  throw new Error("no demo circle has a review");
}

for (const [name, viewport] of [["desktop", desktop], ["phone", phone]]) {
  test(`the coordination rates a review's factors (${name})`, async () => {
    const page = await openPage(browser, viewport);
    await signInAs(page, "coordination@demo.example");
    const path = await reviewFactorsPath(page);
    await page.goto(baseUrl + path);
    assert.notEqual(await page.inputValue("[name='rating-impulsivity']"), "", "the demo rated it");
    await checkPage(page, "review factors");

    await page.selectOption("[name='rating-impulsivity']", "");
    await page.fill("[name='comment-impulsivity']", "Sans cote (démo).");
    await page.locator(`form[action='${path}'] button[type=submit]`).click();
    await page.waitForLoadState();
    assert.equal(await page.getAttribute("[name='rating-impulsivity']", "aria-invalid"), "true");
    await checkPage(page, "refused ratings");

    await page.selectOption("[name='rating-impulsivity']", "1");
    await page.locator(`form[action='${path}'] button[type=submit]`).click();
    await page.waitForURL(baseUrl + path + "?saved=1");
    assert.equal(await page.inputValue("[name='rating-impulsivity']"), "1");

    await page.goto(baseUrl + "/reports");
    assert.equal(await page.locator("#factor-changes tbody tr").count() > 0, true);
    await checkPage(page, "dashboard");
    await page.context().close();
  });
}

test("the admin reads the list and the file charts each factor (phone)", async () => {
  const page = await openPage(browser, phone);
  await signInAs(page, "admin@demo.example");
  await page.goto(baseUrl + "/circles/risk-factors");
  assert.equal(await page.locator("form[action='/circles/risk-factors/change']").count(), 24);
  await checkPage(page, "list of factors");
  await page.goto(baseUrl + "/core-members");
  const files = await page.locator("a[href^='/core-members/']").evaluateAll(
    (links) => links.map((link) => link.getAttribute("href")).filter((href) => /^\/core-members\/\d+$/.test(href)));
  for (const file of files) {
    await page.goto(baseUrl + file + "/outcomes");
    if (await page.locator("#factors svg.line-chart").count() > 0) {
      assert.equal(await page.locator("#factors table tbody tr").count() > 0, true);
      await checkPage(page, "outcomes with factors");
      await page.context().close();
      return;
    }
  }
  throw new Error("no demo file charts its factors");
});
