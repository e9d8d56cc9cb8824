// The home page that triages, in the browser: the coordinator at 1280 px sees what waits in groups, each with
// its count, the most urgent first, long groups folded after five items, each item saying what to do; she
// acknowledges minutes from there and comes back to the home page with a notice. Each role lands on its work:
// the volunteer at 360 px on his portal (next meeting, minutes to write, a concern to raise), the partner on his
// circles, the evaluator on the extract. Every page passes axe.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, axeViolations, screenshot, signIn, signInAs, baseUrl, phone, desktop } from "./support.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function checkPage(page, what, width) {
  assert.deepEqual(await axeViolations(page), [], what);
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= width, `${what}: no horizontal scrolling (${scrollWidth} px)`);
}

// Each group of the home page: its name, the count its heading shows, and the items it lists.
async function groups(page) {
  return page.locator(".triage-group").evaluateAll((sections) => sections.map((section) => ({
    name: section.id,
    count: Number(section.querySelector("h3 .badge").textContent.trim()),
    items: section.querySelectorAll(".triage-item").length,
    shown: section.querySelectorAll(":scope > ul > .triage-item").length,
    folded: section.querySelector("details") !== null,
  })));
}

test("the coordinator sees what waits in groups with their counts and acknowledges minutes from there", async () => {
  const page = await openPage(browser, desktop);
  await signInAs(page, "coordination@demo.example");
  await page.goto(baseUrl + "/");
  await page.locator("#triage").waitFor();
  const before = await groups(page);
  assert.ok(before.length >= 2, `several groups: ${JSON.stringify(before)}`);
  for (const group of before) {
    assert.equal(group.count, group.items, `${group.name}: the count is the number of items`);
    assert.ok(group.shown <= 5, `${group.name}: at most five items before the fold`);
    assert.equal(group.folded, group.items > 5, `${group.name}: folded only when longer than five`);
  }
  // The summary at the top names every group with the same count.
  const summary = await page.locator(".triage-summary li").allTextContents();
  assert.equal(summary.length, before.length);
  // Every item says what to do.
  const actions = await page.locator(".triage-item .triage-item__actions a.button").allTextContents();
  assert.equal(actions.length, before.reduce((sum, group) => sum + group.items, 0));
  for (const action of actions) assert.ok(action.trim().length > 0, "an action names what to do");
  await checkPage(page, "coordinator's home page", desktop.width);
  await screenshot(page, "home");

  // A folded group opens.
  const folded = page.locator(".triage-more summary").first();
  if (await folded.count()) {
    await folded.click();
    await checkPage(page, "a folded group opened", desktop.width);
  }

  // The minutes waiting for her: acknowledged from the home page.
  const minutes = before.find((group) => group.name === "triage-minutes");
  assert.ok(minutes, "minutes wait for the coordinator in the demo");
  const form = page.locator("#triage-minutes form[action^='/home/minutes/']").first();
  assert.equal(await form.count(), 1, "minutes to acknowledge from the home page");
  const action = await form.getAttribute("action");
  await form.getByRole("button", { name: /^(Prendre acte|Acknowledge now)$/ }).click();
  await page.waitForURL(baseUrl + "/?done=minutes#triage");
  assert.match(await page.locator(".notice--ok").first().textContent(), /compte rendu|minutes/);
  assert.equal(await page.locator(`form[action='${action}']`).count(), 0, "those minutes are off the list");
  const after = await groups(page);
  const left = after.find((group) => group.name === "triage-minutes");
  assert.equal(left ? left.count : 0, minutes.count - 1, "one fewer");
  await checkPage(page, "home page after acknowledging", desktop.width);
  assert.deepEqual(page.problems, [], "no CSP violation or script error");
  await page.context().close();
});

test("the volunteer lands on his portal on a phone, a concern one tap away", async () => {
  const page = await openPage(browser, phone);
  await signIn(page, "benevole@demo.example");
  await page.waitForURL(baseUrl + "/portal");
  assert.match(await page.textContent("h1"), /Mon bénévolat|My volunteering/);
  const circles = page.locator("#circles");
  assert.match(await circles.textContent(), /Cercle A/);
  assert.ok(await circles.getByRole("link", { name: /^(Signaler une préoccupation|Raise a concern)$/ }).count() >= 1);
  await checkPage(page, "volunteer's landing", phone.width);
  await screenshot(page, "volunteer_landing");
  // The home address brings him back here.
  await page.goto(baseUrl + "/");
  await page.waitForURL(baseUrl + "/portal");
  assert.deepEqual(page.problems, [], "no CSP violation or script error");
  await page.context().close();
});

test("the partner lands on his circles and the evaluator on the extract", async () => {
  const partner = await openPage(browser, phone);
  await signInAs(partner, "partenaire@demo.example");
  await partner.goto(baseUrl + "/");
  await partner.waitForURL(baseUrl + "/my-circles");
  await checkPage(partner, "partner's landing", phone.width);
  await partner.context().close();

  const evaluator = await openPage(browser, desktop);
  await signIn(evaluator, "evaluation@demo.example");
  await evaluator.waitForURL(baseUrl + "/reports/evaluation");
  await evaluator.context().close();
});
