// The circle plan in the browser, at 360 px: the demo volunteer opens his circle from the portal,
// then its plan, and reads the warning signs (what the circle does, who is called) and the goals
// of the version in force, with no axe violations and no horizontal scrolling.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, axeViolations, signIn, baseUrl, phone } from "./support.mjs";

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
