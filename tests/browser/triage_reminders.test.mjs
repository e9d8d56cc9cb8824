// Reminders by e-mail, in French: each person chooses which reminders they get from "Mon compte". A volunteer on a
// phone (360 px) sees the writer's reminders and his own screening's, turns one off and finds it off after the
// notice; a coordinator at 1280 px sees the staff's reminders and the weekly digest. Axe finds nothing. The
// reminders are the home page's triage by mail; the file sorts after sign_in.test.mjs, which enrols the
// coordinator in two-step verification itself.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, axeViolations, screenshot, signIn, signInAs, baseUrl, phone, desktop } from "./support.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// The labels of the page's reminders and whether each is checked.
async function choices(page) {
  return page.locator("main input[type=checkbox][name=on]").evaluateAll((boxes) =>
    boxes.map((box) => ({ label: document.querySelector(`label[for="${box.id}"]`).textContent.trim(), on: box.checked })));
}

test("a volunteer turns off a reminder from his account on a phone", async () => {
  const page = await openPage(browser, phone);
  await signIn(page, "benevole@demo.example");
  await page.waitForURL(baseUrl + "/portal");
  await page.goto(baseUrl + "/account");
  await page.getByRole("link", { name: "Rappels par courriel" }).click();
  await page.waitForURL(baseUrl + "/account/reminders");
  assert.equal(await page.title().then((title) => title.startsWith("Rappels par courriel")), true);
  assert.deepEqual(await choices(page), [
    { label: "Compte rendu à écrire, le lendemain de la rencontre", on: true },
    { label: "Compte rendu en retard, deux jours après la rencontre", on: true },
    { label: "Une vérification qui expire bientôt", on: true },
  ]);
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= phone.width, `no horizontal scrolling (${scrollWidth} px)`);
  assert.deepEqual(await axeViolations(page), [], "the reminders page");
  await screenshot(page, "reminders-volunteer");

  await page.getByLabel("Compte rendu à écrire, le lendemain de la rencontre").uncheck();
  await page.getByRole("button", { name: "Enregistrer mes rappels" }).click();
  await page.waitForURL(baseUrl + "/account/reminders?saved=1");
  assert.match(await page.locator("main .notice--ok").textContent(), /Vos rappels sont enregistrés/);
  assert.deepEqual((await choices(page)).map((choice) => choice.on), [false, true, true]);
  assert.deepEqual(await axeViolations(page), [], "the saved reminders");

  // On again, as the demo had it.
  await page.getByLabel("Compte rendu à écrire, le lendemain de la rencontre").check();
  await page.getByRole("button", { name: "Enregistrer mes rappels" }).click();
  await page.waitForURL(baseUrl + "/account/reminders?saved=1");
  assert.deepEqual((await choices(page)).map((choice) => choice.on), [true, true, true]);
  assert.deepEqual(page.problems, [], "no CSP violation or script error");
  await page.context().close();
});

test("a coordinator chooses among the staff's reminders and the weekly digest (1280 px)", async () => {
  const page = await openPage(browser, desktop);
  await signInAs(page, "coordination@demo.example");
  await page.goto(baseUrl + "/account/reminders");
  assert.deepEqual((await choices(page)).map((choice) => choice.label), [
    "Une vérification qui expire bientôt",
    "Une revue ou un renouvellement de cercle à faire",
    "Un suivi à faire",
    "Le résumé de la semaine, le lundi matin",
  ]);
  assert.deepEqual(await axeViolations(page), [], "the coordinator's reminders");
  assert.deepEqual(page.problems, [], "no CSP violation or script error");
  await page.context().close();
});
