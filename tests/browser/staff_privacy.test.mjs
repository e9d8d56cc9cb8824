// Québec's Law 25 in the browser, in French at desktop width, as the demo's person in charge (the coordinator
// linked to the function): an incident recorded in the register, an access request answered with the export of
// the person's file (made after the password is asked again, reviewed, released, downloaded as JSON), and a
// destruction batch approved once the schedule keeps declined referrals six months (the demo declined one about
// nine months ago), with its certificate. Every page passes axe and raises no CSP violation.
// Named to run after sign_in.test.mjs (files run in alphabetical order on one server), which owns the
// coordinator's first sign-in and two-step enrolment.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, axeViolations, screenshot, signInAs, baseUrl, orgDay, desktop } from "./support.mjs";

const personInCharge = "coordination@demo.example";
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// The day `days` before the organisation's today, as a date field takes it (YYYY-MM-DD).
function daysAgo(days) {
  return orgDay(-days);
}

// The page is in French and passes axe.
async function checkPage(page, name) {
  assert.equal(await page.getAttribute("html", "lang"), "fr", name);
  assert.deepEqual(await axeViolations(page), [], name);
  await screenshot(page, `privacy-${name}`);
}

// A sensitive action sent the person in charge to "Confirmez votre identité": the password again, then back.
async function confirmIdentity(page) {
  await page.waitForURL(/\/reauth\?next=/);
  assert.match(await page.textContent("h1"), /Confirmez votre identité/);
  await checkPage(page, "step-up");
  const next = new URL(page.url()).searchParams.get("next");
  await page.getByLabel("Mot de passe ou code").fill("demo-cercle-2026");
  await page.getByRole("button", { name: "Confirmer" }).click();
  await page.waitForURL(baseUrl + next);
}

test("the person in charge records a confidentiality incident, in French", async () => {
  const page = await openPage(browser, desktop);
  await signInAs(page, personInCharge);
  await page.goto(baseUrl + "/admin/privacy");
  assert.match(await page.textContent("h1"), /protection des renseignements personnels|Vie privée|renseignements/i);
  await checkPage(page, "hub");
  await page.getByRole("link", { name: "Registre des incidents de confidentialité" }).click();
  await page.waitForURL(baseUrl + "/admin/privacy/incidents");
  assert.match(await page.textContent("h1"), /Incidents de confidentialité/);
  await checkPage(page, "incidents");

  await page.getByRole("link", { name: "Consigner un incident de confidentialité" }).click();
  await page.waitForURL(baseUrl + "/admin/privacy/incidents/new");
  await checkPage(page, "incident-form");
  const circumstances = "Courriel de suivi envoyé par erreur à un partenaire fictif (essai du navigateur).";
  await page.getByLabel("Renseignements personnels visés").fill("Le prénom et la ville d'un membre principal (démo).");
  await page.getByLabel("Circonstances").fill(circumstances);
  await page.getByLabel("Date de l'incident, ou début de la période").fill(daysAgo(3));
  await page.getByLabel("Date à laquelle l'organisme l'a appris").fill(daysAgo(2));
  await page.getByLabel("Nombre de personnes concernées").fill("1");
  for (const group of ["Sensibilité des renseignements", "Utilisation malveillante possible", "Conséquences possibles",
    "Probabilité d'un préjudice"]) {
    const fieldset = page.getByRole("group", { name: group });
    await fieldset.getByRole("group", { name: "Niveau" }).getByLabel("Faible").check();
    await fieldset.getByLabel("Explication").fill("Le partenaire a supprimé le courriel le jour même (démo).");
  }
  await page.getByLabel("Aucun risque de préjudice sérieux").check();
  await page.getByLabel("Mesures prises pour diminuer le risque de préjudice").fill(
    "Le partenaire a confirmé la suppression; l'adresse a été corrigée dans le carnet (démo).");
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await page.waitForURL(/\/admin\/privacy\/incidents\/\d+\?done=saved$/);
  assert.match(await page.textContent("main"), /Courriel de suivi envoyé par erreur/);
  await checkPage(page, "incident");

  // The register lists it.
  await page.goto(baseUrl + "/admin/privacy/incidents");
  assert.match(await page.textContent("main"), /Courriel de suivi envoyé par erreur/);
  await checkPage(page, "incidents-after");
  assert.deepEqual(page.problems, [], "no CSP violation or script error");
  await page.context().close();
});

test("the person in charge answers an access request with the export of the file", async () => {
  const page = await openPage(browser, desktop);
  await signInAs(page, personInCharge);
  await page.goto(baseUrl + "/admin/privacy/requests/new");
  await checkPage(page, "request-form");
  await page.getByLabel("Ce que la personne demande").selectOption({ label: "Accès" });
  const first = page.locator("#subject optgroup").first().locator("option").first();
  const subjectLabel = (await first.textContent()).trim();
  await page.getByLabel("Personne visée").selectOption(await first.getAttribute("value"));
  await page.getByLabel("Reçue le").fill(daysAgo(1));
  await page.getByLabel("Ce qui a été demandé").fill("Une copie de son dossier (essai du navigateur).");
  await page.getByRole("button", { name: "Consigner la demande" }).click();
  await page.waitForURL(/\/admin\/privacy\/requests\/\d+\?done=saved$/);
  const requestPath = new URL(page.url()).pathname;
  assert.match(await page.textContent("h1"), /Demande no/);
  await checkPage(page, "request");

  // The export is a step-up action: signing in counts as a fresh authentication for five minutes
  // (kStepUpSeconds), after which Cercle asks for the password again; the page that asks it passes axe too.
  await page.goto(baseUrl + "/reauth?next=" + encodeURIComponent(requestPath));
  await confirmIdentity(page);
  await page.getByRole("button", { name: "Faire un export" }).click();
  await page.waitForURL((url) => url.pathname === "/reauth" || /^\/admin\/privacy\/exports\/\d+$/.test(url.pathname));
  if (new URL(page.url()).pathname === "/reauth") {
    await confirmIdentity(page);
    assert.equal(new URL(page.url()).pathname, requestPath);
    await page.getByRole("button", { name: "Faire un export" }).click();
  }
  await page.waitForURL(/\/admin\/privacy\/exports\/\d+$/);
  const exportUrl = page.url();
  assert.match(await page.textContent("h1"), /Export du dossier d'une personne/);
  await checkPage(page, "export-review");

  // Reviewed, released, downloaded.
  await page.getByRole("button", { name: "Communiquer l'export" }).click();
  await page.waitForURL(exportUrl);
  assert.match(await page.textContent("main"), /Communiqué le/);
  await checkPage(page, "export-released");
  const href = await page.getByRole("link", { name: "Télécharger le fichier JSON" }).getAttribute("href");
  let download = await page.request.get(baseUrl + href, { maxRedirects: 0 });
  if (download.status() === 302 || download.status() === 303) {
    await page.goto(baseUrl + download.headers()["location"]);
    await confirmIdentity(page);
    download = await page.request.get(baseUrl + href, { maxRedirects: 0 });
  }
  assert.equal(download.status(), 200);
  assert.match(download.headers()["content-type"], /application\/json/);
  const file = await download.json();
  assert.equal(file.format, "cercle-person-export");
  assert.equal(file.request.kind, "access");
  assert.equal(file.person.kind, "core_member");
  assert.ok(subjectLabel.includes(file.person.name), `${subjectLabel} names ${file.person.name}`);
  assert.ok(Array.isArray(file.withheld));

  // The answer: granted, today.
  await page.goto(baseUrl + requestPath);
  assert.match(await page.textContent("main"), /Communiqué/);
  await page.getByLabel("Réponse donnée").selectOption({ label: "Acceptée" });
  await page.getByLabel("Répondu le").fill(daysAgo(0));
  await page.getByRole("button", { name: "Enregistrer la réponse" }).click();
  await page.waitForURL(baseUrl + requestPath + "?done=saved");
  assert.match(await page.textContent("main"), /Acceptée/);
  await checkPage(page, "request-answered");
  assert.deepEqual(page.problems, [], "no CSP violation or script error");
  await page.context().close();
});

test("the person in charge approves a destruction batch and gets its certificate", async () => {
  const page = await openPage(browser, desktop);
  await signInAs(page, personInCharge);
  await page.goto(baseUrl + "/admin/privacy");
  await page.getByRole("link", { name: /Calendrier de conservation/ }).click();
  await page.waitForURL(baseUrl + "/admin/privacy/retention");
  assert.match(await page.textContent("h1"), /Conservation et destruction/);
  await checkPage(page, "retention");

  // Declined or withdrawn referrals kept six months: the demo's referral declined about nine months ago is due.
  const declined = page.getByLabel(/après le refus ou le retrait de la référence/);
  assert.equal(await declined.inputValue(), "24");
  await declined.fill("6");
  await page.getByRole("button", { name: "Enregistrer le calendrier" }).click();
  await page.waitForURL(/\/admin\/privacy\/retention/);
  assert.equal(await page.getByLabel(/après le refus ou le retrait de la référence/).inputValue(), "6");
  await page.getByRole("button", { name: "Dresser la liste maintenant" }).click();
  await page.waitForURL(/\/admin\/privacy\/retention/);
  const waiting = page.locator("tr[data-kind=declined_referrals] [data-waiting]");
  assert.equal((await waiting.textContent()).trim(), "1");
  const queued = page.getByRole("table", { name: "Dossiers en attente" });
  assert.match(await queued.textContent(), /Firmin Vignette/);
  // The demo's legal hold shows.
  assert.match(await page.textContent("main"), /demande fictive d'un tribunal/);
  await checkPage(page, "retention-queue");

  // The approval asks for the password again, then for the assessment and the confirmation once more.
  const approve = async () => {
    await page.getByLabel("Analyse du risque de réidentification").fill(
      "Il ne reste que des dates au mois et des catégories; aucun nom, aucune note (essai du navigateur).");
    await page.getByLabel("Je confirme la destruction et l'anonymisation de ces dossiers.").check();
    await page.getByRole("button", { name: "Approuver et détruire" }).click();
    await page.waitForURL((url) => url.pathname === "/reauth" || url.pathname.includes("/certificates/"));
  };
  await approve();
  if (new URL(page.url()).pathname === "/reauth") {
    await confirmIdentity(page);
    await approve();
  }
  await page.waitForURL(/\/admin\/privacy\/retention\/certificates\/\d+$/);
  assert.match(await page.textContent("h1"), /Certificat de destruction/);
  const line = page.locator("tr", { has: page.getByRole("rowheader", { name: "Références refusées ou retirées" }) });
  assert.equal((await line.locator("[data-count]").textContent()).trim(), "1");
  // Approved by the person in charge, the demo's coordinator.
  const approver = page.locator("dt", { hasText: "Approuvé par" }).locator("xpath=following-sibling::dd[1]");
  assert.match(await approver.textContent(), /Céleste Coordo/);
  assert.match(await page.textContent("main"), /réidentification/);
  await checkPage(page, "certificate");

  // The queue no longer holds the referral.
  await page.goto(baseUrl + "/admin/privacy/retention");
  assert.equal(await page.locator("tr[data-kind=declined_referrals]").count(), 0);
  assert.doesNotMatch(await page.textContent("main"), /Firmin Vignette/);
  assert.deepEqual(page.problems, [], "no CSP violation or script error");
  await page.context().close();
});
