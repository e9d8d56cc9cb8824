// The coordinator's intake, in Chromium: a new referral (refused once, then recorded), its screening, its
// checklist, a document received with it, and its acceptance, which opens the core member's file. Every page on
// the way has no axe-core violations, and the list and the file fit a phone's width. The demo's second
// coordinator, Irène Accueil, is used so that no other test meets her two-step enrolment.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, axeViolations, screenshot, signIn, totp, baseUrl, phone, desktop } from "./support.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const email = "accueil@demo.example";

// Signs in as the intake coordinator, enrolling two-step verification at the first sign-in.
async function signInAsCoordinator(page) {
  await signIn(page, email);
  await page.waitForURL(/\/account\/two-factor$/);
  const key = (await page.textContent(".secret")).trim();
  await page.getByRole("textbox", { name: "Code" }).fill(totp(key));
  await page.locator("main form button[type=submit]").click();
  await page.getByRole("link", { name: /continuer|continue/i }).click();
  await page.waitForURL(baseUrl + "/");
}

// Asserts that the page has no axe violations and does not scroll sideways at `width`.
async function checkPage(page, name, width) {
  await screenshot(page, `intake-${name}`);
  assert.deepEqual(await axeViolations(page), [], `${name}: axe violations`);
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  const wide = await page.evaluate((limit) => [...document.querySelectorAll("main *")]
    .filter((element) => element.getBoundingClientRect().right > limit)
    .slice(0, 3).map((element) => element.outerHTML.slice(0, 120)), width);
  assert.ok(scrollWidth <= width, `${name}: no horizontal scrolling (${scrollWidth} px): ${wide.join(" | ")}`);
}

test("a coordinator takes an intake from referral to accepted on a phone", async () => {
  const page = await openPage(browser, phone);
  await signInAsCoordinator(page);

  // The home page's attention list shows the demo's near key dates.
  assert.ok(await page.locator(".attention__item--urgent").count() > 0, "urgent key dates on the home page");

  await page.locator("nav a[href='/core-members']").click();
  await page.waitForURL(baseUrl + "/core-members");
  assert.ok(await page.locator("tbody tr").count() >= 12, "the demo's core members are listed");
  await checkPage(page, "list", phone.width);

  // The search ignores accents.
  await page.fill("#q", "theo suppose");
  await page.locator("form[role=search] button[type=submit]").click();
  await page.waitForURL(/q=theo/);
  assert.equal(await page.locator("tbody tr").count(), 1);
  assert.match(await page.textContent("tbody"), /Théo Supposé/);

  await page.locator("a[href='/referrals/new']").first().click();
  await page.waitForURL(baseUrl + "/referrals/new");
  await checkPage(page, "referral-form", phone.width);

  // A form sent without the man's name comes back with the error and what was typed.
  await page.selectOption("#source", "community");
  await page.fill("#referrer_name", "Mme Berthe Copie");
  await page.locator("main form button[type=submit]").click();
  await page.waitForSelector("#person_legal_name-error");
  assert.equal(await page.inputValue("#referrer_name"), "Mme Berthe Copie");
  assert.equal(await page.getAttribute("#person_legal_name", "aria-invalid"), "true");
  await checkPage(page, "referral-form-errors", phone.width);
  page.problems.length = 0;  // the 422 of the refused form is expected

  await page.fill("#person_legal_name", "Ulysse Prototype");
  await page.fill("#person_birth_date", "1971-02-14");
  await page.fill("#summary", "Demande d'accompagnement (essai du navigateur).");
  await page.locator("main form button[type=submit]").click();
  await page.waitForURL(/\/referrals\/\d+$/);
  const referralUrl = page.url();
  assert.match(await page.textContent("h1"), /Ulysse Prototype/);
  assert.equal(await page.locator("input[name=met]:checked").count(), 0, "every criterion starts missing");
  await checkPage(page, "referral-received", phone.width);

  await page.locator("button[name=to][value=screening]").click();
  await page.waitForURL(referralUrl + "?saved=1");

  // The documents that came with the referral: a PDF, checked from its content.
  await page.fill("#document-title", "Lettre de référence");
  await page.setInputFiles("#document-file", {
    name: "lettre.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n% essai\n%%EOF\n"),
  });
  await page.locator("form[enctype='multipart/form-data'] button[type=submit]").click();
  await page.waitForURL(/saved=document/);
  assert.match(await page.textContent("#documents"), /Lettre de référence/);

  // The checklist: every criterion met.
  for (const box of await page.locator("input[name=met]").all()) await box.check();
  await page.locator("form[action$='/checklist'] button[type=submit]").click();
  await page.waitForURL(/saved=1/);
  assert.equal(await page.locator("input[name=met]:not(:checked)").count(), 0);
  await checkPage(page, "referral-screened", phone.width);

  await page.locator("a[href$='/accept']").click();
  await page.waitForURL(/\/accept$/);
  assert.match(await page.inputValue("#file_number"), /^\d{4}-\d{3}$/, "a free file number is suggested");
  await checkPage(page, "accept", phone.width);
  await page.locator("main form button[type=submit]").click();

  await page.waitForURL(/\/core-members\/\d+\?saved=accepted$/);
  assert.match(await page.textContent("h1"), /Ulysse Prototype/);
  assert.match(await page.textContent("#history"), /Ulysse Prototype|référence|referral/i);
  assert.match(await page.textContent("#documents"), /Lettre de référence/, "the referral's documents show");
  await checkPage(page, "file", phone.width);

  // A demo file with orders, a condition protecting a victim, risk assessments and lapsed consents.
  await page.goto(baseUrl + "/core-members?q=bernard");
  await page.locator("tbody a").first().click();
  await page.waitForURL(/\/core-members\/\d+$/);
  assert.ok(await page.locator(".protected").count() > 0, "the victim's details show to the coordinator");
  assert.ok(await page.locator("[aria-labelledby=lapsed-title]").count() === 1, "a lapsed consent shows at a glance");
  await checkPage(page, "demo-file-phone", phone.width);
  await page.setViewportSize(desktop);
  await checkPage(page, "demo-file-desktop", desktop.width);
  for (const link of ["/edit", "/orders/new", "/risk/new", "/consents/new"]) {
    await page.goto(page.url().replace(/(\/core-members\/\d+).*$/, "$1") + link);
    await checkPage(page, "form" + link.replaceAll("/", "-"), desktop.width);
  }
  await page.goto(baseUrl + "/referrals?status=all");
  await checkPage(page, "referrals", desktop.width);
  assert.deepEqual(page.problems, [], "no CSP violation or script error");
  await page.context().close();
});

