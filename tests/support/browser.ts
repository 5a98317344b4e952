import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { listen, type Started } from "./http.ts";

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
