import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { verifyLinkIn } from "@baton/local/mailbox";
import { chromium, type Browser, type Page } from "playwright-core";
import { listen, waitForEmail, type Started } from "./http.ts";

const repo = resolve(import.meta.dirname, "../..");

/** Debian's Chromium (or CHROMIUM_PATH), started the way this closed network needs. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}: install it (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
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
    ],
  });
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
  const before = Math.floor(Date.now() / 1000);
  if (!new URL(page.url()).pathname.endsWith("/sign-in")) await page.goto(`${appUrl}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await page.getByRole("heading", { name: "Check your email" }).waitFor();
  const mail = await waitForEmail(email, (e) => e.at >= before && Boolean(verifyLinkIn(e)));
  const link = verifyLinkIn(mail)!;
  await page.goto(link);
  await page.waitForURL((url) => !url.pathname.endsWith("/auth/verify"));
  return link;
}
