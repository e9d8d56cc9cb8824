// The register of meeting places at 1280 px and on a 360 px phone, in French: the coordination (the organisation
// admin) reads the demo's venues, opens the form of a new one, sees a refused form (no name) with its error linked
// to the field, adds a venue and finds it in the list. Axe finds nothing on each page, and no page scrolls
// sideways on the phone.
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

for (const [name, viewport] of [["desktop", desktop], ["phone", phone]]) {
  test(`the coordination keeps the register of meeting places (${name})`, async () => {
    const page = await openPage(browser, viewport);
    await signInAs(page, "admin@demo.example");
    await page.goto(baseUrl + "/circles/venues");
    assert.match(await page.textContent("main"), /Bibliothèque municipale \(salle B\) \(démo\)/);
    await checkPage(page, "venue list");

    await page.goto(baseUrl + "/circles/venues/new");
    await checkPage(page, "new venue form");
    await page.locator("form[action='/circles/venues'] button[type=submit]").click();
    await page.waitForLoadState();
    assert.equal(await page.getAttribute("[name='name']", "aria-invalid"), "true");
    await checkPage(page, "refused venue form");

    const venue = `Salle paroissiale ${name} (démo)`;
    await page.fill("[name='name']", venue);
    await page.selectOption("[name='kind']", "place_of_worship");
    await page.locator("form[action='/circles/venues'] button[type=submit]").click();
    await page.waitForURL(baseUrl + "/circles/venues?saved=1");
    assert.match(await page.textContent("main"), new RegExp(venue.replace(/[()]/g, "\\$&")));
    await page.context().close();
  });
}
