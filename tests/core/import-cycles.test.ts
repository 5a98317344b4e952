import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cycles, importsOf, loopThrough, ROOT, sourceFiles } from "../support/imports.ts";

// A module that imports one importing it back can't be read, tested or moved on its own, and
// half of ESM's cycles end in "used before initialization" at load time.

const SOURCES = ["packages/core/src", "packages/functions/src", "packages/ui/src", "packages/local/src", "web/src", "portal/src"];

describe("imports", () => {
  it("form no cycles in the source of core, functions, ui, local and both apps", () => {
    const files = SOURCES.flatMap((dir) => sourceFiles(join(ROOT, dir)));
    const graph = new Map(files.map((file) => [file, importsOf(file)]));
    expect(files.length).toBeGreaterThan(100);
    const loops = cycles(graph).map((part) => `${loopThrough(part, graph).join(" → ")}${part.length > 2 ? ` (${part.length} files in this knot)` : ""}`);
    expect(loops).toEqual([]);
  });

  it("finds a cycle when there is one", () => {
    const graph = new Map([
      ["/a.ts", ["/b.ts"]],
      ["/b.ts", ["/c.ts"]],
      ["/c.ts", ["/a.ts"]],
      ["/d.ts", ["/a.ts"]],
      ["/e.ts", ["/e.ts"]],
    ]);
    expect(cycles(graph).sort()).toEqual([["/a.ts", "/b.ts", "/c.ts"], ["/e.ts"]]);
  });
});
