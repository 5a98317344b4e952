import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { parse } from "@babel/parser";
import { ROOT } from "./imports.ts";

// Where the source touches an ElectroDB entity of the one table: `db.entities.x…`, and the
// entities a `db.transaction.write/get((entities) => …)` callback (or a helper typed from one)
// takes apart (`({ invoice, auditEvent: events }) => …`, `entities.invoice`, or `tx.invoice` after `...tx`).

export type TableUse = { entity: string; file: string; line: number };

type Node = { type: string; loc?: { start: { line: number } } | null; [key: string]: unknown };

function children(node: Node): Node[] {
  return Object.entries(node).flatMap(([key, value]) => {
    if (key === "loc" || key === "leadingComments" || key === "trailingComments") return [];
    if (Array.isArray(value)) return value.filter((v): v is Node => typeof v?.type === "string");
    return value && typeof (value as Node).type === "string" ? [value as Node] : [];
  });
}

const nameOf = (node: Node | undefined): string | null =>
  node?.type === "Identifier" ? (node.name as string) : node?.type === "StringLiteral" ? (node.value as string) : null;

/** `db.entities.<name>` */
function entityOfMember(node: Node): string | null {
  if (node.type !== "MemberExpression" || node.computed) return null;
  const object = node.object as Node;
  if (object.type !== "MemberExpression" || nameOf(object.property as Node) !== "entities" || nameOf(object.object as Node) !== "db") return null;
  return nameOf(node.property as Node);
}

/** A function handed entities by a transaction: the callback of `db.transaction.write/get`, or a parameter typed from it. */
function transactionParams(node: Node, source: string, parent: Node | null): Node[] {
  if (!/Function/.test(node.type)) return [];
  const params = (node.params as Node[]) ?? [];
  const first = params[0];
  if (!first) return [];
  const annotation = first.typeAnnotation as Node | undefined;
  const typed = annotation && "start" in annotation && /db\.transaction|TransactionEntities/.test(source.slice(annotation.start as number, annotation.end as number));
  const callee = parent?.type === "CallExpression" ? (parent.callee as Node) : null;
  const handed = callee?.type === "MemberExpression" && ["write", "get"].includes(nameOf(callee.property as Node) ?? "") && /\bdb\s*\.\s*transaction\s*$/.test(source.slice((callee.object as Node).start as number, (callee.object as Node).end as number));
  return typed || handed ? [first] : [];
}

export function tableUses(file: string): TableUse[] {
  return tableUsesIn(readFileSync(file, "utf8"), file);
}

export function tableUsesIn(source: string, file: string): TableUse[] {
  const ast = parse(source, { sourceType: "module", plugins: ["typescript", "jsx"] }) as unknown as Node;
  const uses: TableUse[] = [];
  const at = (entity: string, node: Node) => uses.push({ entity, file: relative(ROOT, file), line: node.loc?.start.line ?? 0 });
  const walk = (node: Node, parent: Node | null, bound: Set<string>) => {
    const entity = entityOfMember(node);
    if (entity) at(entity, node);
    // `entities.invoice` where `entities` is a transaction callback's parameter.
    if (node.type === "MemberExpression" && !node.computed && bound.has(nameOf(node.object as Node) ?? "")) {
      const name = nameOf(node.property as Node);
      if (name) at(name, node);
    }
    let inner = bound;
    for (const param of transactionParams(node, source, parent)) {
      if (param.type === "ObjectPattern") {
        for (const property of param.properties as Node[]) {
          const key = property.type === "ObjectProperty" ? nameOf(property.key as Node) : null;
          if (key) at(key, property);
          // `({ task, ...tx })`: what `tx.x` reaches is a use too (handing `tx` to an owner is not).
          if (property.type === "RestElement") inner = new Set([...inner, nameOf(property.argument as Node) ?? ""]);
        }
      } else if (param.type === "Identifier") inner = new Set([...bound, param.name as string]);
    }
    for (const child of children(node)) walk(child, node, inner);
  };
  walk(ast, null, new Set());
  return uses;
}
