// Signing in as a coordinator with two-step verification: the enrolment at the first sign-in, then a code at
// the next one. The sign-in and enrolment pages have no axe violations.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, axeViolations, screenshot, signIn, totp, rememberKey, baseUrl, phone, desktop } from "./support.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("a coordinator enrols in two-step verification, then signs in with a code", async () => {
  const page = await openPage(browser, desktop);
  await page.goto(baseUrl + "/login");
  assert.equal(await page.textContent("h1"), "Se connecter");
  assert.deepEqual(await axeViolations(page), [], "sign-in page");
  await screenshot(page, "sign-in");

  // A wrong password gets the generic message and keeps the address typed.
  await signIn(page, "coordination@demo.example", "not-the-password");
  assert.match(await page.textContent("[role=alert]"), /incorrect/);
  assert.equal(await page.inputValue("#email"), "coordination@demo.example");
  assert.deepEqual(await axeViolations(page), [], "sign-in page with an error");

  // The first sign-in leads to the set-up, required for coordinators.
  await signIn(page, "coordination@demo.example");
  await page.waitForURL(baseUrl + "/account/two-factor");
  assert.equal(await page.textContent("h1"), "Vérification en deux étapes");
  assert.ok(await page.isVisible("svg.qr-code"));
  assert.deepEqual(await axeViolations(page), [], "enrolment page");
  await screenshot(page, "two-factor-enrolment");
  const key = (await page.textContent(".secret")).trim();
  await page.getByRole("textbox", { name: "Code" }).fill(totp(key));
  await page.getByRole("button", { name: "Activer la vérification en deux étapes" }).click();
  assert.equal(await page.textContent("h1"), "Vos codes de récupération");
  assert.equal(await page.locator(".recovery-codes li").count(), 10);
  assert.deepEqual(await axeViolations(page), [], "recovery codes page");
  await page.getByRole("link", { name: /continuer/ }).click();
  assert.match(await page.textContent("h1"), /Bonjour, Céleste Coordo/);

  // Signing out, then in again: now a code is asked for. The code of the next 30-second step is accepted
  // (one step of drift), since the current one was used for the set-up.
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await page.waitForURL(baseUrl + "/login");
  await signIn(page, "coordination@demo.example");
  await page.waitForURL(baseUrl + "/login/two-factor");
  assert.deepEqual(await axeViolations(page), [], "code page");
  const next = Math.floor(Date.now() / 30000) + 1;
  await page.getByRole("textbox", { name: "Code" }).fill(totp(key, next * 30));
  rememberKey("coordination@demo.example", key, next);
  await page.getByRole("button", { name: "Continuer" }).click();
  await page.waitForURL(baseUrl + "/");
  assert.match(await page.textContent("h1"), /Bonjour, Céleste Coordo/);
  assert.deepEqual(page.problems.filter((p) => !p.includes("401")), []);
  await page.context().close();
});

test("a volunteer signs in on a phone without a second step and sees only their own pages", async () => {
  const page = await openPage(browser, phone);
  await signIn(page, "benevole@demo.example");
  await page.waitForURL(baseUrl + "/portal");
  // He lands on his portal, not on an empty greeting.
  assert.match(await page.textContent("h1"), /Mon bénévolat/);
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= phone.width, `no horizontal scrolling (${scrollWidth} px)`);
  assert.equal(await page.locator("nav a[href='/admin/users']").count(), 0);
  assert.deepEqual(await axeViolations(page), []);
  await page.goto(baseUrl + "/account");
  assert.deepEqual(await axeViolations(page), [], "account page");
  await screenshot(page, "account-phone");
  await page.context().close();
});
