import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { el } from "../../packages/ui/src/i18n/el.ts";
import { en } from "../../packages/ui/src/i18n/en.ts";
import { hi } from "../../packages/ui/src/i18n/hi.ts";
import { portalEl } from "../../packages/ui/src/i18n/portal-el.ts";
import { portalEn } from "../../packages/ui/src/i18n/portal-en.ts";
import { portalHi } from "../../packages/ui/src/i18n/portal-hi.ts";
import { ROOT } from "../support/imports.ts";

// The client portal loads its own catalog (portal-en.ts and its el/hi twins), not every string of
// both apps. A key its code uses but its catalog lacks would show late (the runtime then fetches
// the full catalog), so this test reads the portal's code, following every import and lazy page,
// and holds its catalog to what it finds.

const UI = join(ROOT, "packages/ui/src");
const EXTENSIONS = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"];

function resolveSpecifier(from: string, specifier: string): string | null {
  const base = specifier.startsWith(".")
    ? resolve(dirname(from), specifier)
    : specifier.startsWith("@baton/ui/")
      ? join(UI, specifier.slice("@baton/ui/".length))
      : null;
  if (!base) return null;
  for (const ext of EXTENSIONS) if (existsSync(base + ext) && /\.tsx?$/.test(base + ext)) return base + ext;
  return null;
}

/** The portal's own source and every ui file it reaches, statically or lazily (catalog files aside). */
function portalSources(): string[] {
  const seen = new Set<string>();
  const queue = [join(ROOT, "portal/src/index.tsx")];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file) || file.includes("/i18n/")) continue;
    seen.add(file);
    const code = readFileSync(file, "utf8");
    for (const match of code.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)) {
      const target = resolveSpecifier(file, match[1]!);
      if (target) queue.push(target);
    }
  }
  return [...seen];
}

/** Keys written out in the code, and the prefixes of keys built from a template (`status.${s}`). */
function keysUsedBy(files: string[]): string[] {
  const code = files.map((file) => readFileSync(file, "utf8")).join("\n");
  const literals = new Set([...code.matchAll(/["'`]([A-Za-z]\w*(?:\.\w+)+)["'`]/g)].map((m) => m[1]!));
  const prefixes = [...new Set([...code.matchAll(/`([A-Za-z]\w*(?:\.\w+)*\.)\$\{/g)].map((m) => m[1]!))];
  return Object.keys(en).filter((key) => literals.has(key) || prefixes.some((prefix) => key.startsWith(prefix)));
}

describe("the portal's catalog", () => {
  const files = portalSources();
  const used = keysUsedBy(files);

  it("reads the portal's pages and the shared components they use", () => {
    const names = files.map((file) => file.slice(ROOT.length + 1));
    expect(names).toEqual(expect.arrayContaining(["portal/src/pages/onboarding/index.tsx", "packages/ui/src/Shell.tsx", "packages/ui/src/Thread.tsx"]));
    expect(names.some((name) => name.startsWith("web/"))).toBe(false);
    expect(used.length).toBeGreaterThan(300);
  });

  it("holds every key the portal's code uses", () => {
    expect(used.filter((key) => !Object.hasOwn(portalEn, key))).toEqual([]);
  });

  it("leaves out the team app's own areas", () => {
    expect(Object.keys(portalEn).length).toBeLessThan(Object.keys(en).length * 0.75);
    for (const key of ["nav.reports", "integrations.title", "nav.invoices", "nav.recurring"]) {
      expect(Object.hasOwn(en, key)).toBe(true);
      expect(Object.hasOwn(portalEn, key)).toBe(false);
    }
  });

  it("has the same keys in en, el and hi, with the full catalogs' strings", () => {
    const keys = Object.keys(portalEn).sort();
    for (const [portal, full] of [
      [portalEn, en],
      [portalEl, el],
      [portalHi, hi],
    ] as const) {
      expect(Object.keys(portal).sort()).toEqual(keys);
      for (const key of keys) expect(portal[key as keyof typeof portal]).toEqual(full[key as keyof typeof full]);
    }
  });
});
