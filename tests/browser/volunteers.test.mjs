// Volunteers in the browser, at 360 px: a volunteer signs in and sees their training, hours and screening
// status in their portal (and logs hours), with no axe violations and no coordinators' notes; a coordinator
// moves an applicant through the pipeline to approved.
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

// Signs a staff member in with two-step verification, enrolling at the first sign-in; the keys are shared
// with the other test files (support.mjs).
async function signInStaff(page, email) {
  await signInAs(page, email);
  return true;
}

test("a volunteer signs in on a phone and sees their training, hours and screening status", async () => {
  const page = await openPage(browser, phone);
  await signIn(page, "benevole@demo.example");
  await page.waitForURL(baseUrl + "/portal");
  // The navigation offers the portal, and nothing of the coordinators' pages.
  assert.equal(await page.locator("nav a[href='/volunteers']").count(), 0);
  await page.locator("nav a[href='/portal']").click();
  await page.waitForURL(baseUrl + "/portal");
  assert.match(await page.textContent("main"), /Bastien Fictif/);

  // Screening: the five items of the organisation, each with its status; the police check expires soon.
  const screening = page.locator("section[aria-labelledby='portal-screening-title'] .status-list li");
  assert.equal(await screening.count(), 5);
  assert.ok(await page.locator("section[aria-labelledby='portal-screening-title'] .badge--warning").count() >= 1,
    "the police check expiring soon is flagged");
  // Training: the basic training complete (15 h of 15), and the continuing training attended.
  const training = await page.textContent("section[aria-labelledby='portal-training-title']");
  assert.match(training, /15 h \/ 15 h/);
  assert.ok(await page.locator("section[aria-labelledby='portal-training-title'] progress").count() >= 1);
  // Hours: totals, and the entries awaiting approval.
  const hours = await page.textContent("section[aria-labelledby='portal-hours-title']");
  assert.match(hours, /\d+(,\d+)? h/);
  assert.ok(await page.locator("section[aria-labelledby='portal-hours-title'] .records .badge--warning").count() >= 2,
    "two entries await approval");
  // Never the coordinators' notes, the supervision notes or a refusal's reason.
  const text = await page.textContent("main");
  for (const secret of ["Solide, à l'écoute", "Retour sur une rencontre tendue", "Aucun antécédent"]) {
    assert.ok(!text.includes(secret), `the portal shows “${secret}”`);
  }
  await noHorizontalScrolling(page, "portal");
  assert.deepEqual(await axeViolations(page), [], "portal");
  await screenshot(page, "volunteer-portal-phone");

  // Logging hours on the phone: a wrong duration is refused and kept, then corrected.
  const form = page.locator("form[action='/portal/hours']");
  await form.locator("select[name=kind]").selectOption("phone_contact");
  await form.locator("input[name=duration]").fill("beaucoup");
  await form.locator("input[name=description]").fill("Appel du soir");
  await form.locator("button[type=submit]").click();
  await page.locator("#hours-duration-error").waitFor();
  assert.equal(await page.inputValue("input[name=description]"), "Appel du soir");
  assert.deepEqual(await axeViolations(page), [], "portal with an error");
  await page.locator("input[name=duration]").fill("0:45");
  await page.locator("form[action='/portal/hours'] button[type=submit]").click();
  await page.waitForURL(baseUrl + "/portal?logged=1");
  assert.match(await page.textContent("section[aria-labelledby='portal-hours-title'] .records"), /Appel du soir/);
  // The refused form answered 422, as it should; nothing else went wrong.
  assert.deepEqual(page.problems.filter((p) => !p.includes("422")), [], "no CSP violation or script error");
  await page.context().close();
});

test("a coordinator moves an applicant through to approved", async (t) => {
  const page = await openPage(browser, phone);
  // The demo coordinator; the organisation admin when another test enrolled the coordinator already.
  const staff = "coordination@demo.example";
  await signInStaff(page, staff);
  // The home page lists the expired police check (urgent), the checks expiring within 60 days and the
  // volunteer without supervision for more than 90 days.
  await page.goto(baseUrl + "/");
  assert.ok(await page.locator(".attention__item--urgent a[href*='/volunteers/'][href$='#screening']").count() >= 1);
  assert.ok(await page.locator(".attention__item--soon a[href*='/volunteers/'][href$='#screening']").count() >= 2);
  assert.ok(await page.locator(".attention__item a[href$='#supervision']").count() >= 1);
  assert.deepEqual(await axeViolations(page), [], "home page with the attention list");
  await screenshot(page, "coordinator-home-phone");
  await page.locator("nav a[href='/volunteers']").click();
  await page.waitForURL(baseUrl + "/volunteers");
  assert.ok(await page.locator("tbody tr").count() >= 15, "the demo volunteers are listed");
  await noHorizontalScrolling(page, "volunteer list");
  assert.deepEqual(await axeViolations(page), [], "volunteer list");
  await screenshot(page, "volunteer-list-phone");

  // Yvette Esquisse has just asked about volunteering.
  await page.getByRole("link", { name: "Esquisse, Yvette" }).click();
  await page.waitForURL(/\/volunteers\/\d+$/);
  const file = new URL(page.url()).pathname;
  assert.deepEqual(await axeViolations(page), [], "volunteer file");
  await noHorizontalScrolling(page, "volunteer file");
  for (const [to, reason] of [["orientation", "A assisté à la séance d'information."],
    ["training", "Inscrite à la formation de base."],
    ["screening", "Formation de base terminée."],
    ["approved", "Vérifications complètes et satisfaisantes."]]) {
    await page.locator("#move-to").selectOption(to);
    await page.locator("#move-reason").fill(reason);
    await page.locator("form[action$='/stage']:not([data-confirm]) button[type=submit]").click();
    await page.waitForURL(baseUrl + file + "?moved=1");
    assert.match(await page.textContent(".history"), new RegExp(reason.replace(/[.']/g, ".")));
  }
  assert.equal(await page.locator(".history li").count(), 5, "the inquiry and four moves");
  // Approved, and the file says what still stands between her and a circle.
  assert.equal(await page.locator("h1 + p .badge--ok").count(), 1);
  assert.ok(await page.locator(".gate-failures li[data-condition='screening_valid']").count() >= 1);
  assert.deepEqual(await axeViolations(page), [], "volunteer file after the moves");
  await noHorizontalScrolling(page, "volunteer file after the moves");
  await screenshot(page, "volunteer-file-approved-phone");

  // The other coordinator pages fit a phone and pass axe too.
  for (const path of [file + "/edit", file + "/screening", "/volunteers/hours", "/volunteers/training"]) {
    await page.goto(baseUrl + path);
    await noHorizontalScrolling(page, path);
    assert.deepEqual(await axeViolations(page), [], path);
  }
  await page.locator("a[href^='/volunteers/training/']").first().click();
  await page.waitForURL(/\/volunteers\/training\/\d+$/);
  await noHorizontalScrolling(page, "training session");
  assert.deepEqual(await axeViolations(page), [], "training session");
  assert.deepEqual(page.problems, [], "no CSP violation or script error");
  await page.context().close();
});

test("an administrator adjusts the screening items and training modules", async (t) => {
  const page = await openPage(browser, phone);
  assert.ok(await signInStaff(page, "admin@demo.example"), "the organisation admin can sign in");
  await page.goto(baseUrl + "/volunteers/setup");
  assert.equal(await page.locator("form[action^='/volunteers/setup/screening/']").count(), 5);
  assert.equal(await page.locator("form[action^='/volunteers/setup/training/']").count(), 2);
  await noHorizontalScrolling(page, "set-up");
  assert.deepEqual(await axeViolations(page), [], "set-up");
  // A new screening item with a wrong count is refused, keeping what was typed.
  const add = page.locator("form[action='/volunteers/setup/screening']");
  await add.locator("input[name=name]").fill("Vérification du permis de conduire");
  await add.locator("input[name=required_count]").fill("0");
  await add.locator("button[type=submit]").click();
  await page.locator("#type-0-count-error").waitFor();
  assert.equal(await page.inputValue("#type-0-name"), "Vérification du permis de conduire");
  assert.deepEqual(await axeViolations(page), [], "set-up with an error");
  await page.locator("#type-0-count").fill("1");
  await page.locator("form[action='/volunteers/setup/screening'] button[type=submit]").click();
  await page.waitForURL(baseUrl + "/volunteers/setup?saved=1");
  assert.equal(await page.locator("form[action^='/volunteers/setup/screening/']").count(), 6);
  await screenshot(page, "volunteer-setup-phone");
  assert.deepEqual(page.problems.filter((p) => !p.includes("422")), [], "no CSP violation or script error");
  await page.context().close();
});
