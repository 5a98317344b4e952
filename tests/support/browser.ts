import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { listen, mailCount, newVerifyLinkFor, type Started } from "./http.ts";

const repo = resolve(import.meta.dirname, "../..");

/**
 * The test browser: `CHROMIUM_PATH` when set (e.g. Debian's /usr/bin/chromium), otherwise the
 * headless Chromium that `npm ci` brings inside @sparticuz/chromium. Started the way this closed
 * network needs: no background connections, no sandbox (tests run as root in CI).
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = await chromiumPath();
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--font-render-hinting=none",
    ],
  });
}

let announced = false;

async function chromiumPath(): Promise<string> {
  const chosen = process.env.CHROMIUM_PATH;
  if (chosen) {
    if (!existsSync(chosen)) throw new Error(`CHROMIUM_PATH is ${chosen}, and there is no browser there.`);
    announce(`Chromium from CHROMIUM_PATH (${chosen})`);
    return chosen;
  }
  const path = await unpackPackagedChromium();
  announce(`the Chromium of @sparticuz/chromium ${packagedVersion()} (${path})`);
  return path;
}

function announce(which: string) {
  if (announced) return;
  announced = true;
  console.info(`Browser tests run in ${which}.`);
}

function packagedVersion(): string {
  const manifest = join(repo, "node_modules/@sparticuz/chromium/package.json");
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
}

/**
 * Unpacks the packaged browser once per version into node_modules/.cache. The package unpacks into
 * the temporary folder it is given and trusts whatever it finds there, so each process unpacks
 * into a folder of its own and renames it into place: parallel runs never start a half-written
 * browser.
 */
async function unpackPackagedChromium(): Promise<string> {
  const home = join(repo, "node_modules/.cache/baton-chromium", packagedVersion());
  const binary = join(home, "chromium");
  if (existsSync(binary)) return binary;
  const scratch = `${home}.${process.pid}.${Date.now()}`;
  mkdirSync(scratch, { recursive: true });
  const { default: packaged } = await import("@sparticuz/chromium");
  const tmp = process.env.TMPDIR;
  process.env.TMPDIR = scratch; // read by the package's os.tmpdir() calls while it unpacks
  try {
    await packaged.executablePath();
  } finally {
    if (tmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmp;
  }
  try {
    renameSync(scratch, home);
  } catch {
    rmSync(scratch, { recursive: true, force: true }); // another process won the race: use its copy
  }
  return binary;
}

/** The local runtime's server (API + built apps), as `npm start` serves it. */
export async function startPlatform(): Promise<Started> {
  const sites = { web: resolve(repo, "web/dist"), portal: resolve(repo, "portal/dist") };
  for (const dir of Object.values(sites)) {
    if (!existsSync(join(dir, "index.html"))) throw new Error(`${dir} is not built: run npm run build:apps (npm test does).`);
  }
  const { createLocalApp } = await import("@baton/local/server");
  const started = await listen(createLocalApp(sites).fetch);
  // Links in emails must point at the host the browser uses.
  const baseUrl = started.baseUrl.replace("127.0.0.1", "localhost");
  process.env.BATON_WEB_URL = baseUrl;
  process.env.BATON_PORTAL_URL = `${baseUrl}/portal`;
  return { ...started, baseUrl };
}

/** A person at their own machine: a browser context of its own (separate cookies), in their zone. */
export async function newPerson(browser: Browser, timezoneId = "Europe/London"): Promise<Page> {
  const context = await browser.newContext({ locale: "en-GB", timezoneId });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

/**
 * Asks for a link on an app's sign-in page (`appUrl` is the app's root: the team app's, or the
 * portal's), then follows the one that arrives by email. A sign-in page the app sent the page
 * to is kept: its ?next= says where to land afterwards.
 */
export async function signInWithEmail(page: Page, appUrl: string, email: string): Promise<string> {
  const seen = await mailCount(email);
  if (!new URL(page.url()).pathname.endsWith("/sign-in")) await page.goto(`${appUrl}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await page.getByRole("heading", { name: "Check your email" }).waitFor();
  // The link is emailed after the answer (from the outbox): only an email after the ones already
  // there counts, so an older link of the same second (an invitation) isn't taken for it.
  const link = await newVerifyLinkFor(email, seen);
  await page.goto(link);
  await page.waitForURL((url) => !url.pathname.endsWith("/auth/verify"));
  return link;
}
