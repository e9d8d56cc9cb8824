// Reports in the browser, in French at desktop width: the dashboard's charts (each an SVG image with a title
// and a description, its numbers in a table beside it), the funder report, and its printed version on one
// page. Every page passes axe, the outcomes, outreach, extract, settings and public pages too; screenshots of the
// dashboard, the printed report and the public page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, axeViolations, screenshot, signInAs, baseUrl, desktop } from "./support.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// The demo's last twelve months, and its last full quarter (the test clock is the real one: the demo data is
// dated from today).
const charts = ["circles-chart", "hours-chart", "referrals-chart", "concerns-chart", "acknowledge-chart",
  "outcomes-chart", "events-chart"];

test("the dashboard shows every chart with a text alternative, in French", async () => {
  const page = await openPage(browser, desktop);
  // The organisation admin sees the reports; the demo coordinators' first sign-ins belong to later files.
  await signInAs(page, "admin@demo.example");
  await page.goto(baseUrl + "/reports");
  assert.equal(await page.getAttribute("html", "lang"), "fr");
  assert.match(await page.textContent("h1"), /Rapports/);
  for (const id of charts) {
    const svg = page.locator(`svg#${id}, svg[aria-labelledby^='${id}-title']`);
    assert.equal(await svg.count(), 1, `chart ${id}`);
    assert.equal(await svg.getAttribute("role"), "img", `chart ${id} is an image`);
    const title = (await page.textContent(`#${id}-title`)).trim();
    const description = (await page.textContent(`#${id}-desc`)).trim();
    assert.ok(title.length > 0 && description.length > 0, `chart ${id} has a title and a description`);
  }
  // Each chart's numbers, in a table beside it.
  assert.equal(await page.locator("details.chart-table table").count(), charts.length);
  // The circles of the demo are counted: the total is not zero.
  assert.notEqual((await page.textContent("[data-total=circles]")).trim(), "0");
  assert.deepEqual(await axeViolations(page), [], "dashboard");
  await screenshot(page, "reports-dashboard");
  assert.deepEqual(page.problems, [], "no CSP violation or script error");
  await page.context().close();
});

test("the funder report prints on one page, in French", async () => {
  const page = await openPage(browser, desktop);
  await signInAs(page, "admin@demo.example");
  await page.goto(baseUrl + "/reports/funder");
  assert.match(await page.textContent("h1"), /Rapport au bailleur de fonds/);
  // Every figure links to the records it counts.
  const figures = page.locator("[data-figure]");
  assert.ok(await figures.count() >= 10, "the figures of the report");
  assert.deepEqual(await axeViolations(page), [], "funder report");

  // The printable version, in the language chosen on the report (French, the reader's, by default).
  assert.equal(await page.inputValue("#lang"), "fr");
  await page.getByRole("button", { name: "Version imprimable" }).click();
  await page.waitForURL(/\/reports\/funder\/print\?.*lang=fr/);
  assert.equal(await page.getAttribute("html", "lang"), "fr");
  assert.match(await page.textContent("h1"), /Rapport au bailleur de fonds/);
  assert.match(await page.textContent("body"), /Bénévoles formés/);
  assert.deepEqual(await axeViolations(page), [], "printed funder report");
  await page.emulateMedia({ media: "print" });
  await screenshot(page, "funder-report-print");
  // Letter paper, as the browser's print command would lay it out: one page.
  const pdf = await page.pdf({ format: "Letter", printBackground: true, preferCSSPageSize: true });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.equal(pages, 1, "the printed report fits one page");
  assert.deepEqual(page.problems, [], "no CSP violation or script error");
  await page.context().close();
});

test("the outcomes, outreach, extract and settings pages pass axe, in French", async () => {
  const page = await openPage(browser, desktop);
  await signInAs(page, "admin@demo.example");
  // A core member's outcomes, reached from his file.
  await page.goto(baseUrl + "/core-members");
  await page.locator("main a[href^='/core-members/']").first().click();
  await page.waitForURL(/\/core-members\/\d+$/);
  await page.locator("a[href$='/outcomes']").first().click();
  await page.waitForURL(/\/core-members\/\d+\/outcomes$/);
  assert.match(await page.textContent("h1"), /Résultats/);
  for (const path of [null, "/outreach", "/outreach/new", "/outreach/stories/new", "/reports/evaluation",
    "/reports/settings"]) {
    if (path) await page.goto(baseUrl + path);
    assert.deepEqual(await axeViolations(page), [], path ?? "outcomes");
  }
  // The public page the demo publishes: totals only.
  await page.goto(baseUrl + "/public/montreal-demo");
  assert.match(await page.textContent("[data-total=circles]"), /\d|Moins de 5/);
  assert.deepEqual(await axeViolations(page), [], "public impact page");
  await screenshot(page, "public-impact");
  assert.deepEqual(page.problems, [], "no CSP violation or script error");
  await page.context().close();
});
