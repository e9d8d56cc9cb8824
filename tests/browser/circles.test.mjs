// Circles in the browser, at 360 px: the demo volunteer writes and submits the minutes of yesterday's meeting
// from his phone (a refused form keeps what he typed); the coordination (the organisation admin) finds them on
// her home page, reads and acknowledges them with a comment, and the flag clears; the volunteer reads the
// comment. Every page passes axe and fits the phone's width. The partner's minimal page too.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, axeViolations, screenshot, signIn, signInAs, baseUrl, phone } from "./support.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function noHorizontalScrolling(page, what) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= phone.width, `${what}: no horizontal scrolling (${scrollWidth} px)`);
}

async function checkPage(page, what) {
  assert.deepEqual(await axeViolations(page), [], what);
  await noHorizontalScrolling(page, what);
}

// The meeting whose minutes the volunteer writes, shared by the tests of this file (they run in order).
let meetingPath = "";

test("a volunteer writes and submits the minutes of yesterday's meeting on a phone", async () => {
  const page = await openPage(browser, phone);
  await signIn(page, "benevole@demo.example");
  await page.waitForURL(baseUrl + "/portal");
  await page.goto(baseUrl + "/portal");
  // His circles on the portal: the minutes to write are flagged.
  const circles = page.locator("#circles");
  assert.match(await circles.textContent(), /Cercle A/);
  await checkPage(page, "portal with circles");
  const toWrite = circles.locator("a[href^='/portal/meetings/']").first();
  await toWrite.waitFor();

  // The circle's phone view: next meeting, the core member as volunteers may know him, contacts.
  await circles.locator("a[href^='/portal/circles/']").first().click();
  await page.waitForURL(/\/portal\/circles\/\d+$/);
  assert.match(await page.textContent("main"), /Cercle A/);
  assert.ok(await page.locator("form[action$='/contacts']").count() === 1, "a contact can be logged");
  await checkPage(page, "circle phone view");
  await screenshot(page, "circle-phone-view");

  await page.goto(baseUrl + "/portal");
  await page.locator("#circles a[href^='/portal/meetings/']").first().click();
  await page.waitForURL(/\/portal\/meetings\/\d+$/);
  meetingPath = new URL(page.url()).pathname;
  await checkPage(page, "minutes form");

  // A refused form keeps what was typed and says what is missing.
  await page.locator("#minutes-check-in").fill("Tour de table : bonne semaine pour tout le monde (démo).");
  await page.locator("#minutes-accountability").fill("");
  await page.locator("form[action^='/portal/meetings/'] button[type=submit]").click();
  await page.locator("#minutes-accountability-error").waitFor();
  assert.equal(await page.inputValue("#minutes-check-in"), "Tour de table : bonne semaine pour tout le monde (démo).");
  await checkPage(page, "minutes form with an error");

  await page.locator("#minutes-accountability").fill("Aucun contact avec les personnes visées par ses conditions (démo).");
  await page.locator("#minutes-support").fill("Aide pour un formulaire (démo).");
  await page.locator("#minutes-duration").fill("1:45");
  await page.locator("form[action^='/portal/meetings/'] button[type=submit]").click();
  await page.waitForURL(baseUrl + meetingPath + "?saved=1");
  assert.equal(await page.locator(".notice--ok").count(), 1, "the minutes are sent");
  assert.match(await page.textContent("main"), /Tour de table : bonne semaine/);
  await checkPage(page, "minutes sent");
  await screenshot(page, "minutes-sent-phone");
  assert.deepEqual(page.problems.filter((p) => !p.includes("422")), [], "no CSP violation or script error");
  await page.context().close();
});

test("the coordination acknowledges the minutes and the flag clears", async () => {
  assert.ok(meetingPath, "the volunteer's test ran first");
  const id = meetingPath.split("/").pop();
  const link = `a[href='/circles/meetings/${id}']`;
  const page = await openPage(browser, phone);
  // The organisation admin coordinates circles too. The demo coordinators' first sign-ins belong to the
  // sign-in and intake tests, which check the enrolment and run after this file.
  await signInAs(page, "admin@demo.example");
  await page.goto(baseUrl + "/");
  // The minutes wait on her home page, among the circles' other flags.
  assert.equal(await page.locator(`.attention__item ${link}`).count(), 1, "the minutes to acknowledge are flagged");
  assert.ok(await page.locator(".attention__item a[href^='/circles/']").count() >= 3, "the circles' flags");
  await checkPage(page, "home page with the circles' flags");
  await screenshot(page, "coordinator-home-circles-phone");

  await page.locator(`.attention__item ${link}`).click();
  await page.waitForURL(baseUrl + `/circles/meetings/${id}`);
  assert.match(await page.textContent("main"), /Tour de table : bonne semaine/);
  await checkPage(page, "minutes to acknowledge");
  await page.locator("#acknowledge-comment").fill("Merci Bastien, compte rendu clair (démo).");
  await page.locator("form[action$='/acknowledge'] button[type=submit]").click();
  await page.waitForURL(baseUrl + `/circles/meetings/${id}?saved=acknowledged`);
  assert.equal(await page.locator(".notice--ok").count() >= 1, true);
  await checkPage(page, "acknowledged minutes");

  await page.goto(baseUrl + "/");
  assert.equal(await page.locator(link).count(), 0, "the flag is gone");

  // The circle pages fit a phone and pass axe too.
  await page.goto(baseUrl + "/circles");
  await checkPage(page, "circle list");
  await page.locator(".circle-list a[href^='/circles/']").first().click();
  await page.waitForURL(/\/circles\/\d+$/);
  const circlePath = new URL(page.url()).pathname;
  assert.match(await page.textContent("h1"), /Cercle A/);
  await checkPage(page, "circle page");
  await screenshot(page, "circle-page-phone");
  for (const path of [circlePath + "/suggestions", "/partners", "/circles/new"]) {
    await page.goto(baseUrl + path);
    await checkPage(page, path);
  }
  assert.deepEqual(page.problems, [], "no CSP violation or script error");
  await page.context().close();
});

test("the volunteer reads the coordinator's comment", async () => {
  const page = await openPage(browser, phone);
  await signIn(page, "benevole@demo.example");
  await page.waitForURL(baseUrl + "/portal");
  await page.goto(baseUrl + meetingPath);
  assert.match(await page.textContent("main"), /Merci Bastien, compte rendu clair/);
  await checkPage(page, "acknowledged minutes on the phone");
  await page.context().close();
});

test("the partner sees only the minimal page of the circles an agreement attaches him to", async () => {
  const page = await openPage(browser, phone);
  await signInAs(page, "partenaire@demo.example");
  await page.goto(baseUrl + "/my-circles");
  // Circle E (Bernard) at least; the other demo circles (the forming one, the closed ones) never.
  const circles = page.locator(".records a[href^='/my-circles/']");
  assert.ok(await circles.count() >= 1);
  const listed = await page.textContent("main");
  for (const hidden of ["Cercle H", "Cercle I", "Cercle J"]) assert.ok(!listed.includes(hidden), hidden);
  await checkPage(page, "partner's circles");
  await page.locator(".records a[href^='/my-circles/']", { hasText: "Cercle E" }).click();
  await page.waitForURL(/\/my-circles\/\d+$/);
  const text = await page.textContent("main");
  assert.match(text, /Cercle E/);
  for (const secret of ["Bernard", "Bidon", "Agathe", "Bruno", "Tour de table"]) {
    assert.ok(!text.includes(secret), `the partner's page shows “${secret}”`);
  }
  assert.ok(await page.locator(".consent .badge--danger").count() >= 1, "a consent no longer in force is marked");
  await checkPage(page, "partner's circle page");
  await screenshot(page, "partner-circle-phone");
  await page.context().close();
});
