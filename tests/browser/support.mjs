// Shared helpers of the browser tests: Debian's chromium through playwright-core, and axe-core.
import { readFileSync, writeFileSync, existsSync, mkdirSync } from "node:fs";
import { createHash, createHmac } from "node:crypto";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export const baseUrl = process.env.CERCLE_BASE_URL ?? "http://127.0.0.1:8080";
export const phone = { width: 360, height: 740 };
export const desktop = { width: 1280, height: 800 };

// The organisation's time zone (the server's [i18n] time_zone): the server checks dates against its day, which in
// the evening in Montréal is still yesterday in UTC, the machine's zone.
export const timeZone = process.env.CERCLE_TIME_ZONE ?? "America/Montreal";

// The date `days` from the organisation's today, as a date field takes it (YYYY-MM-DD).
export function orgDay(days = 0) {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })
    .format(new Date());
  const day = new Date(`${today}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

// Starts Debian's chromium, headless, with the flags this closed network needs (no background traffic).
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

// A new page at `viewport` that records Content-Security-Policy violations and page errors.
export async function openPage(browser, viewport) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.problems = [];
  page.on("console", (message) => {
    if (message.type() === "error") page.problems.push(message.text());
  });
  page.on("pageerror", (error) => page.problems.push(String(error)));
  page.on("response", recordDocument);
  return page;
}

// Keeps each HTML page the server sends (a navigation's response) in $CERCLE_HTML_FOLDER, for the Nu HTML
// checker that scripts/browser-tests runs after the tests: one file per distinct page, named after its path.
function recordDocument(response) {
  const folder = process.env.CERCLE_HTML_FOLDER;
  if (!folder || response.request().resourceType() !== "document") return;
  if (!(response.headers()["content-type"] ?? "").startsWith("text/html")) return;
  if (response.status() >= 300 && response.status() < 400) return;
  response.body().then((body) => {
    const path = new URL(response.url()).pathname.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "") || "home";
    const hash = createHash("sha256").update(body).digest("hex").slice(0, 12);
    mkdirSync(folder, { recursive: true });
    writeFileSync(`${folder}/${path.slice(0, 80)}.${hash}.html`, body);
  }, () => {});
}

// Runs axe-core (WCAG 2.1 A and AA, and the best practice that a page's landmarks of one kind have distinct names)
// on the page and returns its violations. Injected through the DevTools protocol, so the page's strict CSP stays on.
export async function axeViolations(page) {
  await page.evaluate(axeSource);
  const results = await page.evaluate(() =>
    window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      rules: { "landmark-unique": { enabled: true } },
    }));
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

// Saves a screenshot under $CERCLE_SCREENSHOTS when set.
export async function screenshot(page, name) {
  const folder = process.env.CERCLE_SCREENSHOTS;
  if (!folder) return;
  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: `${folder}/${name}.png`, fullPage: true });
}

// RFC 6238 code (HMAC-SHA1, 30 s, 6 digits) for a base32 key, at `seconds` since the epoch.
export function totp(base32Key, seconds = Date.now() / 1000) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const c of base32Key.replace(/=+$/, "").toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, "0");
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(seconds / 30)));
  const mac = createHmac("sha1", key).update(counter).digest();
  const offset = mac[mac.length - 1] & 0xf;
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 1000000;
  return String(value).padStart(6, "0");
}

// Signs in with an e-mail address and the demo password, on the sign-in page.
export async function signIn(page, email, password = "demo-cercle-2026") {
  await page.goto(baseUrl + "/login");
  await page.getByLabel(/Adresse courriel|E-mail address/).fill(email);
  await page.getByLabel(/^(Mot de passe|Password)$/).fill(password);
  await page.getByRole("button", { name: /Se connecter|Sign in/ }).last().click();
}

// Two-step keys enrolled during a run, shared by the test files (each runs in its own process) through the
// file $CERCLE_BROWSER_STATE: { email: { key, lastStep } }.
function readState() {
  const file = process.env.CERCLE_BROWSER_STATE;
  if (!file || !existsSync(file)) return {};
  return JSON.parse(readFileSync(file, "utf8"));
}

function writeState(state) {
  const file = process.env.CERCLE_BROWSER_STATE;
  if (file) writeFileSync(file, JSON.stringify(state));
}

// Remembers the two-step key of `email` and the 30-second step its last code used.
export function rememberKey(email, key, lastStep) {
  const state = readState();
  state[email] = { key, lastStep };
  writeState(state);
}

// A code for `email` that the server has not seen yet: the current step, or the next one (one step of drift
// is allowed) when the current one was used; waits for a new step when both were.
export async function freshCode(email) {
  const entry = readState()[email];
  if (!entry) throw new Error(`no two-step key remembered for ${email}`);
  let step = Math.floor(Date.now() / 30000);
  if (step <= entry.lastStep) step = entry.lastStep + 1;
  while (step > Math.floor(Date.now() / 30000) + 1) await new Promise((r) => setTimeout(r, 1000));
  rememberKey(email, entry.key, step);
  return totp(entry.key, step * 30);
}

// Signs in as `email` with the demo password, through two-step verification when the account uses it:
// enrols at the first sign-in (remembering the key for later files), or enters a fresh code.
export async function signInAs(page, email) {
  await signIn(page, email);
  await page.waitForURL((url) => !url.pathname.startsWith("/login") || url.pathname === "/login/two-factor");
  const path = new URL(page.url()).pathname;
  if (path === "/account/two-factor") {
    const key = (await page.textContent(".secret")).trim();
    const step = Math.floor(Date.now() / 30000);
    await page.getByRole("textbox", { name: "Code" }).fill(totp(key, step * 30));
    rememberKey(email, key, step);
    await page.getByRole("button", { name: /Activer la vérification|Turn on two-step/ }).click();
    await page.getByRole("link", { name: /continuer|continue/ }).click();
  } else if (path === "/login/two-factor") {
    await page.getByRole("textbox", { name: "Code" }).fill(await freshCode(email));
    await page.getByRole("button", { name: /Continuer|Continue/ }).click();
  }
  await page.waitForURL((url) => !url.pathname.startsWith("/login") && !url.pathname.startsWith("/account/two-factor"));
}
