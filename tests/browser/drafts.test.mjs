// Nothing typed is lost (issue 16, point 10), in French on a volunteer's phone: the minutes he types are saved
// as a draft while he types; his session really ends (ended from "Mes sessions" in another browser); the page
// says so and leads to the sign-in page, which brings him back to the form with his text restored and a way to
// discard it. Two minutes before the idle limit a notice offers to stay signed in; its button, reached from the
// keyboard, keeps the real session alive. Every page passes axe and fits 360 px.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, axeViolations, screenshot, signIn, signInAs, baseUrl, orgDay, phone, desktop } from "./support.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const volunteer = "benevole@demo.example";

async function checkPage(page, what) {
  assert.deepEqual(await axeViolations(page), [], `${what}: axe finds nothing`);
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= phone.width, `${what}: no horizontal scrolling (${scrollWidth} px)`);
}

async function signedIn(page) {
  await signIn(page, volunteer);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

// The address of minutes the volunteer may write: the demo's, unless an earlier file sent them; then the
// coordination records a meeting of his circle held two days ago, through its own planning form's endpoint.
async function meetingToWrite(page) {
  await page.goto(baseUrl + "/portal");
  const toWrite = page.locator("#circles a[href^='/portal/meetings/']");
  if (await toWrite.count()) return new URL(await toWrite.first().getAttribute("href"), baseUrl).pathname;
  const circle = new URL(await page.locator("#circles a[href^='/portal/circles/']").first().getAttribute("href"), baseUrl)
    .pathname.split("/").pop();
  const coordinator = await openPage(browser, desktop);
  await signInAs(coordinator, "admin@demo.example");
  await coordinator.goto(`${baseUrl}/circles/${circle}`);
  const date = orgDay(-2);
  const status = await coordinator.evaluate(async ({ circle, date }) => {
    const body = new URLSearchParams({ csrf: document.querySelector("input[name=csrf]").value, kind: "group", date,
      time: "19:00", duration: "2:00", mode: "telephone", count: "1" });
    return (await fetch(`/circles/${circle}/meetings`, { method: "POST", body })).status;
  }, { circle, date });
  assert.ok(status < 400, `the coordination records the meeting (${status})`);
  await coordinator.context().close();
  await page.goto(baseUrl + "/portal");
  return new URL(await toWrite.first().getAttribute("href"), baseUrl).pathname;
}

// Ends, from "Mes sessions" in another browser, every session of the volunteer but that browser's own.
async function endOtherSessions(page) {
  page.on("dialog", (dialog) => dialog.accept());
  await page.goto(baseUrl + "/account/sessions");
  const others = await page.evaluate(() => [...document.querySelectorAll("form[action$='/end']")]
    .filter((form) => {
      for (let element = form.parentElement; element; element = element.parentElement) {
        if (element.querySelectorAll("form[action$='/end']").length > 1) return true;
        if (/Cette session/.test(element.textContent)) return false;
      }
      return true;
    })
    .map((form) => form.getAttribute("action")));
  assert.ok(others.length > 0, "the phone's session is listed");
  for (const action of others) {
    await page.locator(`form[action='${action}'] button`).click();
    await page.waitForURL(/\/account\/sessions/);
  }
}

test("minutes typed on a phone survive the end of the session and come back after signing in", async () => {
  const page = await openPage(browser, phone);
  await signedIn(page);
  const meetingPath = await meetingToWrite(page);
  await page.goto(baseUrl + meetingPath);
  const typed = "Tour de table : Marcel raconte sa semaine au travail (démo, brouillon).";
  await page.locator("#minutes-check-in").fill(typed);
  const status = page.locator(".draft-status");
  await status.filter({ hasText: /Brouillon enregistré le/ }).waitFor();
  await checkPage(page, "minutes with a saved draft");

  // The session ends for real: ended from another browser.
  const other = await openPage(browser, phone);
  await signedIn(other);
  await endOtherSessions(other);
  await other.context().close();

  // The next save finds no session: the page says what is kept and leads to the sign-in page.
  await page.locator("#minutes-support").fill("Aide pour un formulaire (démo).");
  const ended = page.getByRole("alertdialog", { name: "Se reconnecter" });
  await ended.waitFor();
  assert.match(await ended.textContent(), /Votre session a pris fin/);
  await checkPage(page, "session ended notice");
  await ended.getByRole("link", { name: "Se reconnecter" }).click();
  await page.waitForURL((url) => url.pathname === "/login" && url.searchParams.get("next") === meetingPath);
  await page.getByLabel(/Adresse courriel/).fill(volunteer);
  await page.getByLabel(/^Mot de passe$/).fill("demo-cercle-2026");
  await page.getByRole("button", { name: /Se connecter/ }).last().click();
  await page.waitForURL(baseUrl + meetingPath);

  // Back on the form, the text restored, with a notice and a way to discard it.
  assert.equal(await page.inputValue("#minutes-check-in"), typed);
  const notice = page.locator(".draft-notice");
  assert.match(await notice.textContent(), /Brouillon du .+ restauré/);
  await checkPage(page, "minutes with the restored draft");
  await screenshot(page, "draft-restored-phone");
  await notice.getByRole("button", { name: "Supprimer le brouillon" }).click();
  await page.waitForURL(baseUrl + meetingPath);
  assert.equal(await page.locator(".draft-notice").count(), 0);
  assert.equal(await page.inputValue("#minutes-check-in"), "", "the discarded draft is gone");
  assert.deepEqual(page.problems.filter((p) => !p.includes("401")), [], "no CSP violation or script error");
  await page.context().close();
});

test("two minutes before the idle limit a notice offers to stay signed in", async () => {
  const page = await openPage(browser, phone);
  // The page's own clock runs fast; the session on the server is the real one.
  await page.clock.install();
  await signedIn(page);
  await page.goto(baseUrl + "/portal");
  await page.clock.fastForward("28:01");
  const notice = page.getByRole("alertdialog", { name: "Êtes-vous toujours là ?" });
  await notice.waitFor();
  assert.match(await notice.textContent(), /déconnecté dans deux minutes/);
  const stay = notice.getByRole("button", { name: "Rester connecté" });
  assert.ok(await stay.evaluate((button) => button === document.activeElement), "the button has the focus");
  await checkPage(page, "idle notice");
  await screenshot(page, "idle-notice-phone");

  const kept = page.waitForResponse((response) => response.url().endsWith("/session/keep-alive"));
  await page.keyboard.press("Enter");
  assert.equal((await kept).status(), 200, "the session is kept alive");
  await notice.waitFor({ state: "hidden" });
  // The idle limit counts again from now: the notice comes back only after another 28 minutes.
  await page.clock.fastForward("27:00");
  assert.equal(await notice.isVisible(), false);
  await page.clock.fastForward("01:01");
  await notice.waitFor();
  await page.goto(baseUrl + "/portal");
  assert.equal(new URL(page.url()).pathname, "/portal", "still signed in");
  assert.deepEqual(page.problems, [], "no CSP violation or script error");
  await page.context().close();
});
