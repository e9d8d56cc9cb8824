// A volunteer approved in few clicks, in French at 1280 px: a coordinator records a first inquiry
// (Cercle records one as a new file at "Demande d'information"), moves it forward without typing a
// reason, records the basic training given over a weekend as one entry and ticks the volunteer on a
// roster filtered to the volunteers in training, records every screening item in one submit on the
// file, and approves. Every click (and every form sent from the keyboard) goes through one counter;
// the total must stay at 30 or under, and is printed. axe finds nothing on any page visited. No
// volunteer-facing page takes part: the volunteer does nothing in Cercle until approved.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, axeViolations, screenshot, signInAs, baseUrl, orgDay, desktop } from "./support.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// Counts what the person does with the mouse or the keyboard to move on: a click on a link, button
// or box; a choice in a list (opening it and picking: two clicks); a form sent with Enter. Typing in
// a field is not counted (Tab moves between fields).
function clickCounter(page) {
  let clicks = 0;
  return {
    async click(locator) {
      clicks += 1;
      await locator.click();
    },
    async check(locator) {
      clicks += 1;
      await locator.check();
    },
    async choose(locator, value) {
      clicks += 2;
      await locator.selectOption(value);
    },
    async submitByKeyboard(locator) {
      clicks += 1;
      await locator.press("Enter");
    },
    get count() { return clicks; },
  };
}

// The ISO date `days` from the organisation's today.
function isoDay(days) {
  return orgDay(days);
}

async function axeClean(page, what) {
  assert.deepEqual(await axeViolations(page), [], what);
}

test("a coordinator takes a first inquiry to approval in at most 30 clicks", async () => {
  const page = await openPage(browser, desktop);
  await signInAs(page, "coordination@demo.example");
  await page.goto(baseUrl + "/");
  const counter = clickCounter(page);

  // The first inquiry: a new file.
  await counter.click(page.locator("nav a[href='/volunteers']"));
  await page.waitForURL(baseUrl + "/volunteers");
  await axeClean(page, "volunteer list");
  await counter.click(page.getByRole("link", { name: /^Nouveau/ }));
  await page.waitForURL(baseUrl + "/volunteers/new");
  await axeClean(page, "new volunteer");
  await page.locator("#first_name").fill("Aurélie");
  await page.locator("#last_name").fill("Vérifiable");
  await page.locator("#email").fill("aurelie.verifiable@courriel.example");
  await page.locator("#date_of_birth").fill("1984-06-12");
  await counter.click(page.locator("form[action='/volunteers'] button[type=submit]"));
  await page.waitForURL(/\/volunteers\/\d+\?created=1$/);
  const file = new URL(page.url()).pathname;
  const id = file.split("/").pop();
  assert.match(await page.textContent("h1 + p .badge"), /Demande d'information/);
  await axeClean(page, "new file");
  await screenshot(page, "volunteer-approval-inquiry-desktop");

  // Forward twice: the next step is chosen already and needs no reason.
  const move = page.locator("form[action$='/stage']:not([data-confirm]) button[type=submit]");
  for (const stage of ["Orientation", "Formation"]) {
    assert.equal(await page.locator("#move-to option:checked").textContent(), stage);
    await counter.click(move);
    await page.waitForURL(baseUrl + file + "?moved=1");
    assert.match(await page.textContent("h1 + p .badge"), new RegExp(stage));
  }
  await axeClean(page, "file in training");

  // The basic training, given over a weekend: one entry with its 15 hours.
  await counter.click(page.getByRole("link", { name: "Consigner une formation et les présences" }));
  await page.waitForURL(baseUrl + "/volunteers/training");
  await axeClean(page, "training sessions");
  assert.equal(await page.locator("#module option:checked").textContent(), "Formation de base");
  await page.locator("#held_on").fill(isoDay(-9));
  await page.locator("#ends_on").fill(isoDay(-8));
  await page.locator("#duration").fill("15");
  await page.locator("#title").fill("Fin de semaine de formation (essai)");
  await counter.click(page.getByRole("button", { name: "Créer la séance" }));
  await page.waitForURL(/\/volunteers\/training\/\d+\?created=1$/);
  assert.match(await page.textContent("h1"), /du .* au /);
  // The roster shows the volunteers in training, the whole 15 hours filled in.
  assert.equal(await page.locator("#roster-stage option:checked").textContent(), "Formation");
  const box = page.locator(`#attended-${id}`);
  assert.equal(await page.inputValue(`#time-${id}`), "15");
  await axeClean(page, "training roster");
  await screenshot(page, "volunteer-approval-roster-desktop");
  await counter.check(box);
  await counter.click(page.getByRole("button", { name: "Enregistrer les présences" }));
  await page.waitForURL(/\/volunteers\/training\/\d+\?stage=training&saved=1$/);
  assert.ok(await page.locator(`#attended-${id}`).isChecked());
  await axeClean(page, "training roster saved");

  // Back to the file, and on to screening.
  await counter.click(page.locator("nav a[href='/volunteers']"));
  await page.waitForURL(baseUrl + "/volunteers");
  await counter.click(page.locator(`a[href='${file}']`));
  await page.waitForURL(baseUrl + file);
  assert.match(await page.textContent("#training"), /15 h \/ 15 h/);
  await counter.click(move);
  await page.waitForURL(baseUrl + file + "?moved=1");
  await axeClean(page, "file in screening");

  // Every screening item in one submit: one row each, the date typed, the result and the expiry
  // left as offered.
  const dates = page.locator("table.screening-rows input[name$='-completed_on']");
  assert.equal(await dates.count(), 6, "police check, two references, interview, two agreements");
  for (let row = 0; row < 6; row++) await dates.nth(row).fill(isoDay(-3));
  await counter.click(page.getByRole("button", { name: "Enregistrer les vérifications" }));
  await page.waitForURL(baseUrl + file + "?screened=1#screening");
  assert.equal(await page.locator("#screening .status-list .badge--ok").count(), 5);
  await axeClean(page, "file with its screening");

  // Approval.
  assert.equal(await page.locator("#move-to option:checked").textContent(), "Approuvé");
  await counter.click(move);
  await page.waitForURL(baseUrl + file + "?moved=1");
  assert.match(await page.textContent("h1 + p .badge"), /Approuvé/);
  for (const condition of ["screening_valid", "basic_training_complete", "approved"]) {
    assert.equal(await page.locator(`.gate-failures li[data-condition='${condition}']`).count(), 0,
      `${condition} holds`);
  }
  await axeClean(page, "approved file");
  await screenshot(page, "volunteer-approval-approved-desktop");

  console.log(`clicks: inquiry to approval = ${counter.count}`);
  assert.ok(counter.count <= 30, `${counter.count} clicks from the inquiry to approval`);
  assert.deepEqual(page.problems, [], "no CSP violation or script error");
  await page.context().close();
});
