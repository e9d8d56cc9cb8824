// The page shell: French first, a remembered FR/EN switch, a skip link, phone and desktop widths, no axe
// violations, and a strict CSP that the page itself never trips.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, axeViolations, screenshot, baseUrl, phone, desktop } from "./support.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const [name, viewport] of [["phone", phone], ["desktop", desktop]]) {
  test(`the shell at ${viewport.width} px is French, fits the screen and has no axe violations`, async () => {
    const page = await openPage(browser, viewport);
    await page.goto(baseUrl + "/");
    assert.equal(await page.getAttribute("html", "lang"), "fr");
    assert.equal(await page.textContent("h1"), "Bienvenue dans Cercle");
    assert.match(await page.textContent(".hero"), /Cercles Montréal \(démo\)/);
    assert.equal(await page.textContent(".site-header__organisation"), "Cercles Montréal (démo)");
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= viewport.width, `no horizontal scrolling (${scrollWidth} px)`);
    // The skip link is the first thing a keyboard reaches, and it leads to the content.
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.textContent), "Aller au contenu principal");
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(page.problems, [], "no CSP violation or script error");
    await screenshot(page, `shell-${name}`);
    await page.context().close();
  });
}

test("switching the language is remembered and still has no axe violations", async () => {
  const page = await openPage(browser, phone);
  await page.goto(baseUrl + "/");
  await page.getByRole("button", { name: "English" }).click();
  await page.waitForURL(baseUrl + "/");
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.equal(await page.textContent("h1"), "Welcome to Cercle");
  await page.goto(baseUrl + "/nowhere");
  assert.equal(await page.textContent("h1"), "Page not found");
  page.problems.length = 0;  // the 404 of that page is expected
  await page.goto(baseUrl + "/");
  assert.equal(await page.getAttribute("html", "lang"), "en", "remembered across pages");
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole("button", { name: "Français" }).click();
  await page.waitForURL(baseUrl + "/");
  assert.equal(await page.getAttribute("html", "lang"), "fr");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
