import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parse } from "@babel/parser";

// Finds, in the apps' source, every dialog and form and the message keys of the actions (buttons)
// it shows, so a test can check that no two of them read the same in any language. It follows
// components into their definitions (a <ConfirmDialog> brings its Cancel button, a <Dialog> its
// close button, a form component its submit button) and binds props passed as t("…") calls, so a
// dialog added tomorrow is covered without being listed anywhere.

export type Action = { key: string; /** Conditional branches it sits in: "c12:0" is the first branch of conditional 12. */ branches: string[] };
export type ActionGroup = { where: string; kind: string; actions: Action[] };

type Node = { type: string; [field: string]: unknown };
type Definition = { name: string; file: string; body: Node };
type Context = { file: string; props: Map<string, string[]>; stack: Set<Definition>; branches: string[]; inButton: boolean };

const ROOT = new URL("../../", import.meta.url).pathname;
const SOURCE_DIRS = ["web/src", "portal/src", "packages/ui/src"];
/** Elements that hold one screen's set of actions. */
const GROUP_TAGS = new Set(["Dialog", "ConfirmDialog", "dialog", "Form", "form"]);
/** Components that are buttons themselves: their children are the label. */
const BUTTON_TAGS = new Set(["Button", "button"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".tsx") ? [path] : [];
  });
}

const parseFile = (file: string): Node =>
  parse(readFileSync(join(ROOT, file), "utf8"), { sourceType: "module", plugins: ["typescript", "jsx"] }).program as unknown as Node;

const isNode = (value: unknown): value is Node => typeof value === "object" && value !== null && typeof (value as Node).type === "string";

function children(node: Node): Node[] {
  const out: Node[] = [];
  for (const [field, value] of Object.entries(node)) {
    if (field === "loc" || field.endsWith("Comments") || field === "extra") continue;
    if (Array.isArray(value)) out.push(...value.filter(isNode));
    else if (isNode(value)) out.push(value);
  }
  return out;
}

function walkAll(node: Node, visit: (node: Node) => void) {
  visit(node);
  for (const child of children(node)) walkAll(child, visit);
}

/** Capitalised function declarations and `const X = (...) =>` components, by name. */
function definitions(files: Map<string, Node>): Map<string, Definition[]> {
  const byName = new Map<string, Definition[]>();
  const add = (name: string, file: string, body: Node) => {
    if (!/^[A-Z]/.test(name)) return;
    byName.set(name, [...(byName.get(name) ?? []), { name, file, body }]);
  };
  for (const [file, program] of files) {
    walkAll(program, (node) => {
      if (node.type === "FunctionDeclaration" && isNode(node.id)) add(String(node.id.name), file, node.body as Node);
      if (node.type === "VariableDeclarator" && isNode(node.id) && isNode(node.init) && /Function/.test(node.init.type))
        add(String(node.id.name), file, node.init.body as Node);
    });
  }
  return byName;
}

const tagName = (element: Node): string => {
  const name = (element.openingElement as Node).name as Node;
  return name.type === "JSXIdentifier" ? String(name.name) : "";
};

const attributes = (element: Node) =>
  ((element.openingElement as Node).attributes as Node[]).filter((attr) => attr.type === "JSXAttribute") as (Node & { name: Node; value: Node | null })[];

const attrValue = (attr: { value: Node | null }): Node | null =>
  attr.value && attr.value.type === "JSXExpressionContainer" ? (attr.value.expression as Node) : attr.value;

/** The message key of a t("key", …) call, or null. */
function tKey(node: Node): string | null {
  if (node.type !== "CallExpression") return null;
  const callee = node.callee as Node;
  const first = (node.arguments as Node[])[0];
  if (callee.type !== "Identifier" || callee.name !== "t" || !first) return null;
  return first.type === "StringLiteral" ? String(first.value) : null;
}

/** Keys an expression may render: its t() calls and the props it forwards. */
function keysOf(node: Node | null, ctx: Context): string[] {
  if (!node) return [];
  const keys: string[] = [];
  walkAll(node, (inner) => {
    const key = tKey(inner);
    if (key) keys.push(key);
    const forwarded = propName(inner);
    if (forwarded) keys.push(...(ctx.props.get(forwarded) ?? []));
  });
  return keys;
}

/** "label" for `props.label`. */
function propName(node: Node): string | null {
  if (node.type !== "MemberExpression") return null;
  const object = node.object as Node;
  const property = node.property as Node;
  return object.type === "Identifier" && object.name === "props" && property.type === "Identifier" ? String(property.name) : null;
}

const isStyledAsButton = (element: Node) =>
  attributes(element).some((attr) => String(attr.name.name) === "class" && keysOfCall(attrValue(attr), "buttonClass"));

const keysOfCall = (node: Node | null, name: string) => {
  let found = false;
  if (node) walkAll(node, (inner) => (found ||= inner.type === "CallExpression" && (inner.callee as Node).type === "Identifier" && (inner.callee as Node).name === name));
  return found;
};

export function findActionGroups(): ActionGroup[] {
  const files = new Map(SOURCE_DIRS.flatMap(sourceFiles).map((file) => [file, parseFile(file)] as const));
  const defs = definitions(files);
  let branchId = 0;

  const resolve = (name: string, file: string): Definition[] => {
    const all = defs.get(name) ?? [];
    const local = all.filter((def) => def.file === file);
    return local.length ? local : all;
  };

  function collect(node: Node, ctx: Context, out: Action[]) {
    if (node.type === "ConditionalExpression") {
      const id = `c${branchId++}`;
      collect(node.test as Node, ctx, out);
      collect(node.consequent as Node, { ...ctx, branches: [...ctx.branches, `${id}:0`] }, out);
      collect(node.alternate as Node, { ...ctx, branches: [...ctx.branches, `${id}:1`] }, out);
      return;
    }
    if (ctx.inButton) {
      const key = tKey(node);
      if (key) return void out.push({ key, branches: ctx.branches });
      const prop = propName(node);
      if (prop) return void out.push(...(ctx.props.get(prop) ?? []).map((key) => ({ key, branches: ctx.branches })));
    }
    if (node.type !== "JSXElement") {
      for (const child of children(node)) collect(child, ctx, out);
      return;
    }
    const tag = tagName(node);
    const isButton = BUTTON_TAGS.has(tag) || isStyledAsButton(node);
    const id = `c${branchId++}`;
    for (const attr of attributes(node)) {
      const name = String(attr.name.name);
      const value = attrValue(attr);
      if (!value) continue;
      if (isButton && name === "aria-label") collect(value, { ...ctx, inButton: true }, out);
      else if (tag === "Show" && name === "fallback") collect(value, { ...ctx, branches: [...ctx.branches, `${id}:1`] }, out);
      else collect(value, { ...ctx, inButton: false }, out);
    }
    // A component's definition renders its own actions, with the props this usage passes it.
    if (!isButton) {
      for (const def of resolve(tag, ctx.file)) {
        if (ctx.stack.has(def)) continue;
        const props = new Map(attributes(node).map((attr) => [String(attr.name.name), keysOf(attrValue(attr), ctx)] as const));
        collect(def.body, { file: def.file, props, stack: new Set([...ctx.stack, def]), branches: ctx.branches, inButton: false }, out);
      }
    }
    const inner = { ...ctx, inButton: ctx.inButton || isButton, branches: tag === "Show" ? [...ctx.branches, `${id}:0`] : ctx.branches };
    const matchId = `c${branchId++}`;
    (node.children as Node[]).forEach((child, index) => {
      // The <Match>es of a <Switch> are shown one at a time.
      const exclusive = tag === "Switch" && child.type === "JSXElement" && tagName(child) === "Match";
      collect(child, exclusive ? { ...inner, branches: [...inner.branches, `${matchId}:${index}`] } : inner, out);
    });
  }

  const groups: ActionGroup[] = [];
  for (const [file, program] of files) {
    walkAll(program, (node) => {
      if (node.type !== "JSXElement" || !GROUP_TAGS.has(tagName(node))) return;
      const actions: Action[] = [];
      collect(node, { file, props: new Map(), stack: new Set(), branches: [], inButton: false }, actions);
      const line = (node.loc as { start: { line: number } }).start.line;
      groups.push({ where: `${relative(ROOT, join(ROOT, file))}:${line}`, kind: tagName(node), actions });
    });
  }
  return groups;
}

/** True when two actions sit in different branches of one conditional, so never show together. */
export function exclusive(a: Action, b: Action): boolean {
  return a.branches.some((marker) => {
    const [id, branch] = marker.split(":");
    return b.branches.some((other) => other.startsWith(id + ":") && other.split(":")[1] !== branch);
  });
}
