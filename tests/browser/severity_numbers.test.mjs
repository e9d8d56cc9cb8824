// Severity that cannot be misread, and numbers that read naturally (issue 16, points 1 and 8), in French. A
// volunteer at 360 px sees the four severities on the raising form, each named for what it sets off ("Urgent :
// réponse d'ici 4 h", "Danger immédiat : 15 min — appelez d'abord le 911") with its example beneath and its own
// icon; nothing is sent. The organisation's administrator at 1280 px sees a badge of its own (colour, icon and
// name) for each severity in the register, French-formatted numbers on the dashboard's charts with the
// severities' icons in their legend, and the funder report opening on the current quarter, its links naming
// their months. Axe finds nothing on any page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, axeViolations, screenshot, signIn, signInAs, baseUrl, orgDay, phone, desktop } from "./support.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// A number as fr-CA writes it: groups of three parted by a (narrow) no-break space, a decimal comma.
const frenchNumber = /^\d{1,3}([\u00a0\u202f ]\d{3})*(,\d{1,2})?$/;

test("a volunteer on a phone reads four severities named for what they set off, each with an example", async () => {
  const page = await openPage(browser, phone);
  await signIn(page, "benevole@demo.example");
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await page.goto(baseUrl + "/portal");
  await page.locator("a[href^='/portal/circles/']").first().click();
  await page.waitForURL(/\/portal\/circles\/\d+$/);
  await page.getByRole("link", { name: /^(Signaler une préoccupation|Raise a concern)$/ }).first().click();
  await page.waitForURL(/\/portal\/circles\/\d+\/concerns\/new$/);
  assert.equal(await page.getAttribute("html", "lang"), "fr");

  const radios = page.getByRole("radio");
  assert.equal(await radios.count(), 4, "four severities");
  // Each choice says what happens; the two that alert say how soon, from the organisation's settings.
  await page.getByLabel(/^Information : /).waitFor();
  await page.getByLabel(/^Préoccupation : /).waitFor();
  await page.getByLabel(/^Urgent : réponse d'ici \d+ (h|min)/).waitFor();
  await page.getByLabel(/^Danger immédiat : \d+ (min|h).* — appelez d'abord le 911$/).waitFor();
  assert.equal(await page.getByText("Urgence", { exact: true }).count(), 0, "the old, ambiguous word is gone");

  // Each with its one-line example beneath, visible and given as the choice's description.
  const examples = page.locator(".severity-choice__example");
  assert.equal(await examples.count(), 4);
  for (let i = 0; i < 4; ++i) {
    assert.ok(await examples.nth(i).isVisible(), `example ${i} is shown`);
    assert.match(await examples.nth(i).textContent(), /^Par exemple : /);
    const id = await examples.nth(i).getAttribute("id");
    assert.equal(await radios.nth(i).getAttribute("aria-describedby"), id);
  }
  // Each with its own icon and its own colour.
  const icons = await page.locator(".severity-choice .severity__icon path").evaluateAll((paths) => paths.map((p) => p.getAttribute("d")));
  assert.equal(new Set(icons).size, 4, "four different icons");
  const colours = await page.locator(".severity-choice .severity__icon").evaluateAll((svgs) => svgs.map((s) => getComputedStyle(s).color));
  assert.equal(new Set(colours).size, 4, "four different colours");

  assert.deepEqual(await axeViolations(page), [], "raise form");
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= phone.width, `no horizontal scrolling (${scrollWidth} px)`);
  await screenshot(page, "severity-choices-phone");
  assert.deepEqual(page.problems, [], "no CSP violation or script error");
  await page.context().close();
});

test("a coordinator at a desk tells the severities apart by badge and reads the charts' numbers in French", async () => {
  const page = await openPage(browser, desktop);
  // The organisation admin handles concerns too; the demo coordinators' first sign-ins belong to other files.
  await signInAs(page, "admin@demo.example");

  // The register: a badge per severity, each with its own class, icon and colours, never colour alone.
  await page.goto(baseUrl + "/concerns");
  const badges = page.locator("tbody .severity");
  assert.ok(await badges.count() >= 4, "the demo's concerns");
  const looks = await badges.evaluateAll((spans) => spans.map((span) => ({
    modifier: [...span.classList].find((c) => c.startsWith("severity--")),
    icon: span.querySelector("svg path")?.getAttribute("d"),
    label: span.textContent.trim(),
    background: getComputedStyle(span).backgroundColor,
  })));
  const byModifier = new Map(looks.map((look) => [look.modifier, look]));
  for (const modifier of ["severity--information", "severity--concern", "severity--urgent", "severity--emergency"]) {
    assert.ok(byModifier.has(modifier), `a ${modifier} badge in the demo's register`);
    assert.ok(byModifier.get(modifier).icon, `${modifier} has an icon`);
  }
  assert.equal(new Set([...byModifier.values()].map((look) => look.icon)).size, 4, "four icons");
  assert.equal(new Set([...byModifier.values()].map((look) => look.label)).size, 4, "four names");
  const urgent = byModifier.get("severity--urgent");
  const emergency = byModifier.get("severity--emergency");
  assert.equal(urgent.label, "Urgent");
  assert.equal(emergency.label, "Danger immédiat");
  assert.notEqual(urgent.background, emergency.background, "urgent and immediate danger differ in colour too");
  assert.deepEqual(await axeViolations(page), [], "register");
  await screenshot(page, "severity-register");

  // The dashboard: the last twelve months, every number of its charts in French.
  await page.goto(baseUrl + "/reports");
  const from = new Date(await page.inputValue("#from"));
  const to = new Date(await page.inputValue("#to"));
  const months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth() + 1;
  assert.equal(months, 12, "the dashboard opens on twelve months");
  const numbers = await page.locator("svg.chart text").evaluateAll((texts) =>
    texts.map((t) => t.textContent.trim()).filter((text) => /^[\d\u00a0\u202f ,.]+$/.test(text)));
  assert.ok(numbers.length > 20, "the charts' axes and bars carry numbers");
  for (const number of numbers) assert.match(number, frenchNumber, `"${number}" is written in French`);
  // The concerns chart: each severity's icon in its legend, and its badge heading its column.
  const concernsChart = page.locator("svg[aria-labelledby^='concerns-chart-title']");
  const legendIcons = await concernsChart.locator("path[fill-rule='evenodd']").evaluateAll((paths) =>
    new Set(paths.map((p) => p.getAttribute("d"))).size);
  assert.equal(legendIcons, 4, "four icons in the concerns chart");
  assert.equal(await page.locator("details.chart-table thead .severity").count(), 4, "the table's columns wear the badges");
  assert.deepEqual(await axeViolations(page), [], "dashboard");
  await screenshot(page, "severity-dashboard");

  // The funder report opens on the quarter holding today, and its links name their months.
  await page.goto(baseUrl + "/reports/funder");
  const quarterFrom = await page.inputValue("#from");
  const quarterTo = await page.inputValue("#to");
  const today = orgDay(0);
  assert.ok(quarterFrom <= today && today <= quarterTo, `${quarterFrom}–${quarterTo} holds today`);
  const current = (await page.locator("nav a[aria-current='true']").textContent()).trim();
  assert.match(current, /^T[1-4] \d{4}(–\d{4})? \([a-zéû.]+–[a-zéû.]+\)$/, current);
  assert.deepEqual(await axeViolations(page), [], "funder report");
  assert.deepEqual(page.problems, [], "no CSP violation or script error");
  await page.context().close();
});
