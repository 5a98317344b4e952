import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import * as Kernel from "@baton/kernel";

// The kernel (packages/kernel) is the one home of the rules core and both apps share: time zones,
// dates, money, the workflow table, field schemas. These hold the line at grep level: the apps
// reach no core domain folder, the kernel imports nothing but itself and zod, and no second
// "today in a zone" or date check grows back anywhere else. A failure names the file.

const ROOT = join(import.meta.dirname, "../..");

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sources(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

const read = (path: string) => readFileSync(join(ROOT, path), "utf8");
/** The module specifiers of a file's `import … from "x"`, `export … from "x"` and `import "x"` (statements end in ";"). */
const imports = (text: string) =>
  [...text.matchAll(/^\s*(?:(?:import|export)\b[^;]*?\bfrom\s*|import\s*)["']([^"']+)["']/gm)].map((m) => m[1]!);

/** Files (under `dirs`, not the kernel) whose text matches `pattern`, with the line. */
function offenders(dirs: string[], pattern: RegExp): string[] {
  return dirs
    .flatMap(sources)
    .filter((file) => !file.startsWith("packages/kernel/"))
    .flatMap((file) =>
      read(file)
        .split("\n")
        .flatMap((line, i) => (pattern.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
}

const everywhere = ["packages/core/src", "packages/functions/src", "packages/local/src", "packages/ui/src", "web/src", "portal/src"];

describe("the browser-safe kernel", () => {
  it("is what the apps import: no core domain folder from web/ or portal/", () => {
    const reaching = ["web/src", "portal/src"]
      .flatMap(sources)
      .flatMap((file) => imports(read(file)).filter((spec) => spec.startsWith("@baton/core")).map((spec) => `${file}: ${spec}`));
    expect(reaching).toEqual([]);
    expect(JSON.parse(read("web/package.json")).dependencies).toHaveProperty("@baton/kernel");
    expect(JSON.parse(read("portal/package.json")).dependencies).toHaveProperty("@baton/kernel");
  });

  it("imports only itself and zod, so it runs in a browser and in Lambda alike", () => {
    const foreign = sources("packages/kernel/src").flatMap((file) =>
      imports(read(file))
        .filter((spec) => !spec.startsWith("./") && spec !== "zod")
        .map((spec) => `${file}: ${spec}`),
    );
    expect(foreign).toEqual([]);
  });

  it("lists what it exports: no wildcard subpath, no `export *` in its index", () => {
    const pkg = JSON.parse(read("packages/kernel/package.json")) as { exports: Record<string, string> };
    expect(Object.keys(pkg.exports).filter((key) => key.includes("*"))).toEqual([]);
    for (const target of Object.values(pkg.exports)) expect(() => read(join("packages/kernel", target)), target).not.toThrow();
    const index = read("packages/kernel/src/index.ts");
    expect(index).not.toMatch(/export \*/);
    for (const name of ["todayIn", "localDate", "isLocalDate", "zonedParts", "Money", "TaskStatuses", "taskSteps", "timeZone", "email"]) {
      expect(Kernel, name).toHaveProperty(name);
    }
  });

  it("is the only place that works out today in a zone", () => {
    const copies = offenders(everywhere, /Intl\.DateTimeFormat\("en-CA"|function todayIn|const todayIn|new Date\(\)\.toISOString\(\)\.slice\(0, 10\)|toLocalInput\([^)]*\)\.slice\(0, 10\)/);
    expect(copies).toEqual([]);
  });

  it("is the only place that checks a calendar date", () => {
    // A "YYYY-MM-DD" pattern anywhere else is a date check of its own (and has accepted 2026-02-31 before).
    const copies = offenders(everywhere, /\\d\{4\}-\\d\{2\}-\\d\{2\}|\(\\d\{4\}\)-\(\\d\{2\}\)-\(\\d\{2\}\)|\\d\{4\}-\(0\[1-9\]/);
    expect(copies).toEqual([]);
  });
});
