import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { launchChromium, startPlatform } from "../support/browser.ts";
import type { Started } from "../support/http.ts";

// The page's globals, as far as these checks use them (the tests are type-checked without the DOM lib).
type FaceSet = Iterable<{ family: string; status: string }> & { ready: Promise<unknown> };
type PageDocument = {
  fonts: FaceSet;
  documentElement: { lang: string };
  body: { append(node: unknown): void };
  createElement(tag: string): { style: { cssText: string }; textContent: string | null; getBoundingClientRect(): { width: number } };
};
declare const document: PageDocument;

// Greek and Hindi pages render real glyphs on a machine without those fonts: the apps ship
// Noto webfonts from npm and load a script's font only when its language is chosen. The test
// browser has no Devanagari font of its own, so a loaded Noto Sans Devanagari face is what
// stands between a Hindi page and rows of empty boxes.

let platform: Started;
let browser: Browser;

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

/** Opens a sign-in page in a browser speaking `locale`; answers the font files fetched and the faces loaded. */
async function openIn(locale: string, path: string) {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  const fontFiles: string[] = [];
  page.on("response", (response) => {
    if (/\.woff2?$/.test(new URL(response.url()).pathname) && response.ok()) fontFiles.push(response.url());
  });
  await page.goto(`${platform.baseUrl}${path}`);
  await page.getByRole("button").first().waitFor();
  await page.evaluate(() => document.fonts.ready);
  const loaded = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((face) => face.status === "loaded").map((face) => face.family.replaceAll('"', ""));
  });
  return { page, context, fontFiles, loaded };
}

it("renders a Hindi page with the shipped Devanagari webfont, in both apps", async () => {
  for (const path of ["/sign-in", "/portal/sign-in"]) {
    const { page, context, fontFiles, loaded } = await openIn("hi-IN", path);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("hi");
    await expect.poll(async () => page.evaluate(() => [...document.fonts].some((f) => f.family.includes("Baton Script") && f.status === "loaded")), { timeout: 10_000 }).toBe(true);
    expect(fontFiles.some((url) => url.includes("devanagari")), `${path}: ${fontFiles.join(", ")} / ${loaded.join(", ")}`).toBe(true);
    // The heading's Devanagari is drawn in Noto, not in a fallback's empty boxes: a box is as wide
    // for every character, Noto's glyphs are not.
    const widths = await page.evaluate(() => {
      const probe = document.createElement("span");
      probe.style.cssText = "font: 32px 'Baton Script'; position: absolute; white-space: nowrap";
      document.body.append(probe);
      const width = (text: string) => ((probe.textContent = text), probe.getBoundingClientRect().width);
      return [width("क"), width("ि"), width("ण")];
    });
    expect(new Set(widths.map((w) => Math.round(w))).size, `glyph widths ${widths.join(", ")}`).toBeGreaterThan(1);
    await context.close();
  }
});

it("loads the Greek face for Greek and no webfont at all for English", async () => {
  const greek = await openIn("el-GR", "/portal/sign-in");
  expect(await greek.page.evaluate(() => document.documentElement.lang)).toBe("el");
  await expect.poll(async () => greek.page.evaluate(() => [...document.fonts].some((f) => f.family.includes("Baton Script") && f.status === "loaded")), { timeout: 10_000 }).toBe(true);
  expect(greek.fontFiles.some((url) => url.includes("greek"))).toBe(true);
  await greek.context.close();

  const english = await openIn("en-GB", "/portal/sign-in");
  expect(await english.page.evaluate(() => document.documentElement.lang)).toBe("en");
  expect(english.fontFiles).toEqual([]);
  await english.context.close();
});
