// Refused forms and notices the GOV.UK way, in French: a refused form's page leads with a summary that takes the
// focus and links each problem to its field, and its title starts with "Erreur : "; after a success the notice
// takes the focus. A coordinator's form at 1280 px, a volunteer's at 360 px; "Mes sessions" names devices and fits
// a phone. Axe (with landmark-unique) finds nothing on any of these pages.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, axeViolations, screenshot, signIn, signInAs, baseUrl, orgDay, phone, desktop } from "./support.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// The element that has the focus: its id, its classes and its text.
function focused(page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    return { id: element?.id ?? "", className: String(element?.className ?? ""), text: element?.textContent ?? "" };
  });
}

async function noHorizontalScrolling(page, what) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= phone.width, `${what}: no horizontal scrolling (${scrollWidth} px)`);
}

// Checks the page of a refused form: the summary has the focus and lists `count` problems, the title starts with
// "Erreur : ", and following each link moves the focus to the field it names.
async function checkRefused(page, count, what) {
  const summary = page.locator("main .error-summary");
  await summary.waitFor();
  assert.match(await page.title(), /^Erreur : /, `${what}: the title says there is an error`);
  assert.match((await focused(page)).className, /error-summary/, `${what}: the summary has the focus`);
  assert.match(await summary.textContent(), /Il y a un problème/);
  const links = summary.locator("a");
  assert.equal(await links.count(), count, `${what}: one link per problem`);
  for (let i = 0; i < count; i++) {
    const target = (await links.nth(i).getAttribute("href")).slice(1);
    await links.nth(i).click();
    const now = await focused(page);
    assert.ok(now.id === target || now.id.startsWith(target + "-"),
      `${what}: the link to #${target} moves the focus to it (focus on #${now.id})`);
    await summary.scrollIntoViewIfNeeded();
  }
  assert.deepEqual(await axeViolations(page), [], `${what}: axe`);
}

test("a coordinator's refused form leads with its summary, and the saved file with its notice (1280 px)", async () => {
  const page = await openPage(browser, desktop);
  await signInAs(page, "admin@demo.example");
  await page.goto(baseUrl + "/volunteers/new");
  assert.doesNotMatch(await page.title(), /^Erreur/);
  const form = page.locator("main form[action='/volunteers']");
  await form.locator("input[name=email]").fill("pas une adresse");
  await form.locator("button[type=submit]").click();
  await checkRefused(page, 3, "new volunteer");
  await screenshot(page, "error-summary-desktop");
  // The focus is on the e-mail address, the last link followed: corrected, the form goes through.
  await page.locator("#first_name").fill("Ursule");
  await page.locator("#last_name").fill("Résumé");
  await page.locator("#email").fill("ursule.resume@courriel.example");
  await page.locator("main form button[type=submit]").click();
  await page.waitForURL(/\/volunteers\/\d+\?created=1$/);
  const notice = page.locator("main .notice--ok");
  await notice.waitFor();
  assert.doesNotMatch(await page.title(), /^Erreur/);
  assert.match((await focused(page)).className, /notice--ok/, "the notice has the focus");
  assert.match((await focused(page)).text, /Le dossier est créé/);
  assert.deepEqual(await axeViolations(page), [], "the new file");
  assert.deepEqual(page.problems.filter((p) => !p.includes("422")), [], "no CSP violation or script error");
  await page.context().close();
});

test("a volunteer's refused form on a phone leads with its summary, and the recorded hours with a notice", async () => {
  const page = await openPage(browser, phone);
  await signIn(page, "benevole@demo.example");
  await page.waitForURL(baseUrl + "/portal");  // a volunteer lands on his portal
  await page.goto(baseUrl + "/portal");
  const form = page.locator("form[action='/portal/hours']");
  await form.locator("input[name=worked_on]").fill("");
  await form.locator("input[name=duration]").fill("beaucoup");
  await form.locator("button[type=submit]").click();
  await checkRefused(page, 2, "portal hours");
  await noHorizontalScrolling(page, "portal with an error");
  await screenshot(page, "error-summary-phone");
  await page.locator("input[name=worked_on]").fill(orgDay(0));
  await page.locator("input[name=duration]").fill("0:30");
  await page.locator("input[name=description]").fill("Résumé d'erreurs");
  await page.locator("form[action='/portal/hours'] button[type=submit]").click();
  await page.waitForURL(baseUrl + "/portal?logged=1");
  assert.match((await focused(page)).className, /notice--ok/, "the notice has the focus");
  assert.deepEqual(await axeViolations(page), [], "portal after logging hours");
  assert.deepEqual(page.problems.filter((p) => !p.includes("422")), [], "no CSP violation or script error");
  await page.context().close();
});

test("“Mes sessions” names the device and fits a phone", async () => {
  const page = await openPage(browser, phone);
  await signIn(page, "benevole@demo.example");
  await page.waitForURL(baseUrl + "/portal");  // a volunteer lands on his portal
  await page.goto(baseUrl + "/account/sessions");
  const sessions = await page.textContent("main");
  assert.match(sessions, /Chrome sur Linux/);
  assert.doesNotMatch(sessions, /Mozilla|AppleWebKit/, "no raw user agent");
  await noHorizontalScrolling(page, "my sessions");
  assert.deepEqual(await axeViolations(page), [], "my sessions");
  await screenshot(page, "account-sessions-phone");
  await page.context().close();
});
