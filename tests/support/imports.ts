import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { parse } from "@babel/parser";

// The static import graph of our own source as it runs: every `import … from "./x"` and
// `export … from "./x"`, resolved to files. Left out, as dependency-cruiser leaves them out by
// default: type-only imports (erased before the code runs; `output.ts` checks its schema against
// its area's types that way) and lazy `import("./x")` (loading on demand breaks a cycle).

export const ROOT = resolve(import.meta.dirname, "../..");
const EXTENSIONS = [".ts", ".tsx", "/index.ts", "/index.tsx"];

/** Every .ts/.tsx source file under `dir`, tests and declarations excepted. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" || name === "dist" ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  if (/\.tsx?$/.test(base) && existsSync(base)) return base;
  for (const ext of EXTENSIONS) if (existsSync(base + ext)) return base + ext;
  return null;
}

type Kinds = { importKind?: string | null; exportKind?: string | null };
type ModuleNode = Kinds & { specifiers?: readonly object[] };

/** `import type`, `export type … from`, or braces naming types only: erased before the code runs. */
function isTypeOnly(node: ModuleNode): boolean {
  if (node.importKind === "type" || node.exportKind === "type") return true;
  const named = node.specifiers ?? [];
  return named.length > 0 && named.every((s: Kinds) => s.importKind === "type" || s.exportKind === "type");
}

/** The relative imports of one file, as absolute paths (unresolvable ones, e.g. assets, dropped). */
export function importsOf(file: string): string[] {
  const ast = parse(readFileSync(file, "utf8"), { sourceType: "module", plugins: ["typescript", "jsx", "importAttributes"] });
  const specifiers = ast.program.body.flatMap((node) => {
    if (node.type !== "ImportDeclaration" && node.type !== "ExportAllDeclaration" && node.type !== "ExportNamedDeclaration") return [];
    if (!node.source || isTypeOnly(node)) return [];
    return [node.source.value];
  });
  // An area's index naming itself (`export * as Clients from "./index.ts"`) is the house style
  // for a namespace, not a cycle.
  return specifiers.filter((s) => s.startsWith(".")).flatMap((s) => resolveImport(file, s) ?? []).filter((target) => target !== file);
}

/** Strongly connected parts of the graph with more than one file, or a file importing itself (Tarjan). */
export function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const part: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      part.push(member);
    } while (member !== node);
    if (part.length > 1 || graph.get(node)?.includes(node)) found.push(part.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

/** One loop through a cycle's files, to name in a failure: a → b → … → a. */
export function loopThrough(part: string[], graph: Map<string, string[]>): string[] {
  const inPart = new Set(part);
  const start = part[0]!;
  // Shortest way back to the start, by breadth-first search within the part.
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const node = queue.shift()!;
    for (const next of graph.get(node) ?? []) {
      if (!inPart.has(next)) continue;
      if (next === start) {
        const path = [start];
        for (let at: string | undefined = node; at && at !== start; at = previous.get(at)) path.unshift(at);
        path.unshift(start);
        return path.map((file) => relative(ROOT, file));
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return part.map((file) => relative(ROOT, file));
}
