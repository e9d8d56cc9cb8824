// The circle plan in the browser, at 360 px: the demo volunteer opens his circle from the portal,
// then its plan, and reads the warning signs (what the circle does, who is called) and the goals
// of the version in force, with no axe violations and no horizontal scrolling; the coordinator
// opens a circle's plan from its page, saves a new version of it (the previous one is kept in the
// list of versions) and opens the progress of the goals at a review.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, axeViolations, signIn, signInAs, baseUrl, phone, desktop } from "./support.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function noHorizontalScrolling(page, what) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= phone.width, `${what}: no horizontal scrolling (${scrollWidth} px)`);
}

test("a volunteer reads his circle's plan on a phone", async () => {
  const page = await openPage(browser, phone);
  await signIn(page, "benevole@demo.example");
  await page.waitForURL(baseUrl + "/portal");
  await page.locator("main a[href^='/portal/circles/']").first().click();
  await page.waitForURL(/\/portal\/circles\/\d+$/);
  await page.locator("main a[href$='/plan']").click();
  await page.waitForURL(/\/portal\/circles\/\d+\/plan$/);

  const signs = page.locator("section[aria-labelledby='signs-title'] .records > li");
  assert.ok(await signs.count() >= 1, "the warning signs of the plan in force are listed");
  assert.match(await signs.first().textContent(), /fins de semaine/);
  const goals = page.locator("section[aria-labelledby='goals-title'] .records > li");
  assert.ok(await goals.count() >= 1, "the goals are listed");
  await noHorizontalScrolling(page, "the plan");
  assert.deepEqual(await axeViolations(page), [], "the plan");
});

test("the coordinator saves a new version of a circle's plan", async () => {
  const page = await openPage(browser, desktop);
  await signInAs(page, "coordination@demo.example");
  await page.goto(baseUrl + "/circles");
  await page.locator("main a[href^='/circles/']", { hasText: /Gaston/ }).first().click();
  await page.waitForURL(/\/circles\/\d+$/);
  await page.locator("#plan a[href$='/plan']").click();
  await page.waitForURL(/\/circles\/\d+\/plan$/);
  const versions = page.locator("section[aria-labelledby='plan-versions-title'] .records > li");
  const before = await versions.count();
  assert.ok(before >= 1, "the demo circle has a plan");
  assert.deepEqual(await axeViolations(page), [], "the plan page");

  const form = page.locator("form[action$='/plan']");
  await page.locator("#plan-form summary").click();
  await form.locator("input[name=note]").fill("Revue d'essai du navigateur");
  await form.locator("button[type=submit]").click();
  await page.waitForURL(/\/plan\?saved=1$/);
  assert.equal(await versions.count(), before + 1, "the previous version is kept");
  assert.match(await page.locator("#plan-shown-title").textContent(), /Revue d'essai du navigateur/);
  assert.deepEqual(await axeViolations(page), [], "the plan page after saving");
});
