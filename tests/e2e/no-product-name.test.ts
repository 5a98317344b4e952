import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { expect, it } from "vitest";

// Nothing a client sees names the product: the portal's built output (every page, script and
// stylesheet it ships, English and the lazily loaded Greek and Hindi catalogs alike) holds no
// "Baton" but code identifiers. The emails are checked by rendering every one of them
// (tests/core/brand.test.ts); the portal's pages in Chromium (tests/e2e/brand.test.ts).

const portal = resolve(import.meta.dirname, "../../portal/dist");

/** Code names a client never reads: the script webfont's family name (i18n/fonts.ts, styles.css). */
const allowed = [/"Baton Script"/g, /`Baton Script`/g, /'Baton Script'/g];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    // Source maps hold the sources' comments; browsers load them only for developers.
    return /\.(js|css|html)$/.test(name) ? [path] : [];
  });
}

it("the portal's built output names no product", () => {
  const shipped = files(portal);
  expect(shipped.some((path) => path.endsWith("index.html"))).toBe(true);
  expect(shipped.filter((path) => path.endsWith(".js")).length).toBeGreaterThan(3);
  const found = shipped.flatMap((path) => {
    const text = allowed.reduce((rest, pattern) => rest.replace(pattern, ""), readFileSync(path, "utf8"));
    return [...text.matchAll(/.{0,40}Baton.{0,40}/g)].map((match) => `${path.slice(portal.length)}: ${match[0]}`);
  });
  expect(found).toEqual([]);
});

it("the portal's page title is not the product's or a generic one", () => {
  const html = readFileSync(join(portal, "index.html"), "utf8");
  expect(html).not.toMatch(/<title>[^<]*(Baton|Client portal)[^<]*<\/title>/);
});
