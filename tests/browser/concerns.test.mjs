// The texts are matched in French, or in the English msgid while the French catalog lacks a new message.
// Concerns in the browser, at 360 px: the administrator invites a new coordinator and puts her on call (the
// demo's own coordinators are left to the sign-in tests that enrol them); the demo volunteer raises an urgent
// concern from his circle's phone view (the 911 notice comes first); the on-call coordinator receives the alert
// at the SMTP test server — the circle's code name and a link, nothing else —, follows the link, acknowledges
// the concern, records a disclosure to the parole officer under the information-sharing agreement, and closes
// the concern; the volunteer sees its status but not the disclosure. Every page passes axe and fits the phone's
// width.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { launch, openPage, axeViolations, screenshot, signIn, signInAs, baseUrl, phone } from "./support.mjs";

const onCall = "garde@demo.example";

const observed = "Il a parlé d'aller attendre son ancienne voisine à la sortie de son travail (démo).";
const shared = "Le cercle signale un risque de contact avec une personne visée par ses conditions; rencontre d'urgence à prévoir (démo).";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function checkPage(page, what) {
  assert.deepEqual(await axeViolations(page), [], what);
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= phone.width, `${what}: no horizontal scrolling (${scrollWidth} px)`);
}

// RFC 2047 "B" encoded words, as the outbox writes non-ASCII subjects.
function decodeWords(value) {
  return value.replace(/=\?UTF-8\?B\?([^?]*)\?=\s*/gi, (_, text) => Buffer.from(text, "base64").toString("utf8"));
}

// Every message the SMTP test server received: recipient, subject and body.
function receivedMail() {
  const folder = process.env.CERCLE_MAIL_FOLDER;
  assert.ok(folder, "scripts/browser-tests runs an SMTP test server");
  return readdirSync(folder).filter((name) => name.endsWith(".eml") && !name.startsWith(".")).map((name) => {
    const raw = readFileSync(`${folder}/${name}`, "latin1");
    const split = raw.indexOf("\r\n\r\n");
    const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
    const header = (field) => (head.match(new RegExp(`^${field}:\\s*(.*)$`, "mi")) ?? [])[1] ?? "";
    const body = Buffer.from(raw.slice(split + 4).replace(/\s+/g, ""), "base64").toString("utf8").replace(/\r\n/g, "\n");
    return { to: header("X-Envelope-To"), subject: decodeWords(header("Subject")), body };
  });
}

async function waitForMail(predicate, what) {
  for (let i = 0; i < 150; ++i) {
    const found = receivedMail().find(predicate);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const folder = process.env.CERCLE_MAIL_FOLDER;
  assert.fail(`no mail ${what}; received: ${JSON.stringify(receivedMail().map((m) => [m.to, m.subject, m.body.slice(0, 120)]))} (folder ${folder}: ${readdirSync(folder)})`);
}

// The concern raised by the volunteer, shared by the tests of this file (they run in order).
let concernId = "";
let onCallReady = false;

test("the administrator invites a coordinator and puts her on call", async () => {
  const admin = await openPage(browser, phone);
  await signInAs(admin, "admin@demo.example");
  await admin.goto(baseUrl + "/admin/users/invite");
  await admin.locator("#display_name").fill("Gaby Garde (démo)");
  await admin.locator("#email").fill(onCall);
  await admin.locator("input[name=roles][value=coordinator]").check();
  await admin.locator("main form button[type=submit]").click();
  await admin.waitForURL(/\/admin\/users\?invited=1$/);
  const invitation = await waitForMail((m) => m.to.includes(onCall) && /invitations\/accept/.test(m.body), "with the invitation");
  const link = invitation.body.match(/https?:\/\/\S+\/invitations\/accept\?token=[A-Za-z0-9_-]+/)[0];

  const coordinator = await openPage(browser, phone);
  await coordinator.goto(link);
  await coordinator.locator("#password").fill("demo-cercle-2026");
  await coordinator.locator("main form button[type=submit]").click();
  await coordinator.locator("main a[href='/login']").waitFor();
  await signInAs(coordinator, onCall);
  await coordinator.context().close();

  await admin.goto(baseUrl + "/concerns/on-call");
  await checkPage(admin, "on-call rota");
  await admin.getByLabel("Gaby Garde (démo)").selectOption("0");
  await admin.locator("main form button[type=submit]").click();
  await admin.waitForURL(/\/concerns\/on-call\?saved=1$/);
  assert.match(await admin.textContent("main"), /Gaby Garde \(démo\)/);
  await checkPage(admin, "on-call rota saved");
  await admin.context().close();
  onCallReady = true;
});

test("a volunteer raises an urgent concern from his circle's phone view", async () => {
  const page = await openPage(browser, phone);
  await signIn(page, "benevole@demo.example");
  await page.waitForURL(baseUrl + "/portal");
  await page.goto(baseUrl + "/portal");
  await page.locator("#circles a[href^='/portal/circles/']").first().click();
  await page.waitForURL(/\/portal\/circles\/\d+$/);
  await page.getByRole("link", { name: /^(Signaler une préoccupation|Raise a concern)$/ }).click();
  await page.waitForURL(/\/portal\/circles\/\d+\/concerns\/new$/);

  // The 911 notice comes before every field.
  const notice = page.locator(".emergency-call");
  assert.match(await notice.textContent(), /911/);
  const noticeTop = (await notice.boundingBox()).y;
  assert.ok(noticeTop < (await page.locator("fieldset").first().boundingBox()).y, "the 911 notice comes first");
  await checkPage(page, "raise form");

  // A refused form keeps what was typed.
  await page.locator("#observed").fill(observed);
  await page.getByRole("button", { name: /Transmettre à la coordination|Send to the coordinator/ }).click();
  await page.locator("#severity-error").waitFor();
  assert.equal(await page.inputValue("#observed"), observed);
  await checkPage(page, "raise form with an error");

  await page.getByLabel(/^Urgent ?:/).check();
  await page.getByLabel(/De quoi s'agit-il\?|What is it about\?/).selectOption("access_to_victims");
  await page.getByRole("button", { name: /Transmettre à la coordination|Send to the coordinator/ }).click();
  await page.waitForURL(/\/portal\/concerns\/\d+\?raised=1$/);
  concernId = new URL(page.url()).pathname.split("/").pop();
  assert.match(await page.textContent("main"), /votre préoccupation est transmise à la coordination|your concern is sent to the coordinator/);
  assert.match(await page.textContent("main"), /La coordination de garde est alertée maintenant|The coordinators on call are alerted now/);
  await checkPage(page, "concern sent");
  await screenshot(page, "concern-raised-phone");
  assert.deepEqual(page.problems.filter((p) => !p.includes("422")), [], "no CSP violation or script error");
  await page.context().close();
});

test("the on-call coordinator gets the mail, acknowledges, discloses under the agreement and closes", async () => {
  assert.ok(concernId && onCallReady, "the earlier tests ran first");
  const mail = await waitForMail((m) => m.to.includes(onCall) &&
    m.body.includes(`/concerns/${concernId}\n`), "to the on-call coordinator");
  assert.match(mail.subject, /^(Cercle A : préoccupation urgente — à voir dans Cercle|Cercle A: urgent concern — see Cercle)$/);
  for (const detail of ["Marcel", "voisine", "Bastien"]) {
    assert.ok(!mail.body.includes(detail) && !mail.subject.includes(detail), `the mail names ${detail}`);
  }
  const link = mail.body.match(/https?:\/\/\S+\/concerns\/\d+/)[0];

  const page = await openPage(browser, phone);
  page.on("dialog", (dialog) => dialog.accept());
  await signInAs(page, onCall);
  // On her home page first.
  await page.goto(baseUrl + "/");
  // Among the alerts at the very top (the demo has one other urgent concern waiting).
  const top = await page.locator(".attention__item a").evaluateAll((links) => links.slice(0, 2).map((a) => a.getAttribute("href")));
  assert.ok(top.includes(`/concerns/${concernId}`), `the concern is at the top of the home page (${top})`);
  await page.goto(link);
  assert.match(await page.textContent("main"), new RegExp(observed.slice(0, 30)));
  assert.match(await page.textContent("main"), /Obligation de signaler un enfant en danger|Duty to report a child in danger/);
  await checkPage(page, "concern to acknowledge");

  await page.getByRole("button", { name: /Prendre acte de cette préoccupation|Acknowledge this concern/ }).click();
  await page.waitForURL(/\?done=acknowledged/);
  assert.match(await page.textContent(".notice--ok"), /les relances sont arrêtées|its escalation has stopped/);
  await checkPage(page, "concern acknowledged");

  // The disclosure to the parole officer, under the agreement that attaches him to the circle.
  await page.getByLabel(/Une personne partenaire du cercle externe|A partner contact of the outer circle/).check();
  const officer = page.locator("#partner-contact option", { hasText: "Octave Prototype" });
  await page.locator("#partner-contact").selectOption(await officer.getAttribute("value"));
  await page.locator("#means").selectOption("phone");
  await page.locator("#shared").fill(shared);
  await page.locator("#basis").selectOption("agreement");
  await page.getByRole("button", { name: /Consigner la communication|Record the disclosure/ }).click();
  await page.waitForURL(/\?done=disclosure/);
  const disclosures = await page.textContent("#disclosures");
  assert.match(disclosures, /Octave Prototype/);
  assert.match(disclosures, /Une entente de communication de renseignements|An information-sharing agreement/);
  await checkPage(page, "disclosure recorded");
  await screenshot(page, "concern-disclosed-phone");

  await page.locator("#outcome").selectOption("resolved");
  await page.getByRole("button", { name: /Fermer la préoccupation|Close the concern/ }).click();
  await page.waitForURL(/\?done=closed/);
  assert.match(await page.textContent("main"), /Réglée au sein du cercle|Resolved within the circle/);
  await checkPage(page, "concern closed");
  assert.deepEqual(page.problems, [], "no CSP violation or script error");
  await page.context().close();
});

test("the volunteer sees the status but not the disclosure", async () => {
  assert.ok(concernId, "the volunteer's test ran first");
  const page = await openPage(browser, phone);
  await signIn(page, "benevole@demo.example");
  await page.waitForURL(baseUrl + "/portal");
  await page.goto(`${baseUrl}/portal/concerns/${concernId}`);
  const text = await page.textContent("main");
  assert.match(text, /Fermé/);
  assert.ok(!text.includes("Octave") && !text.includes(shared.slice(0, 30)), "no disclosure shown");
  await checkPage(page, "the volunteer's concern");
  await page.context().close();
});
