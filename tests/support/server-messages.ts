import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "@babel/parser";

// Every message the API can send a person, read from the server's source: VisibleError messages
// and field messages, zod schema messages, the error boundary's own, and any other sentence-like
// string literal in packages/kernel, packages/core and packages/functions (a reason returned by a checker, a field
// message built in a loop). Messages built by helpers are expanded at each call: notFound("Task")
// is "Task was not found.". A part only known at run time is "{}" ("{} already has this task.").

export type ServerMessage = { shape: string; where: string };

type Node = { type: string; [field: string]: unknown };
type Binding = { node: Node; env: Env } | null;
type Env = Map<string, Binding>;
type Fn = { file: string; node: Node; params: { name: string; fallback: Node | null }[] };

const ROOT = new URL("../../", import.meta.url).pathname;
const SOURCE_DIRS = ["packages/kernel/src", "packages/core/src", "packages/functions/src/api"];
/** Catalogs and email templates hold translated text already; the OpenAPI page is for developers. */
// The API reference (docs.ts, and openapi-spec.ts since the document is made at build time) is
// written for developers, in English: no person reads it in an answer.
const SKIP = [/\/email\/messages/, /\/i18n\//, /\/email\/templates\//, /\/routes\/docs\.ts$/, /\/api\/openapi-spec\.ts$/];

/** zod calls whose string arguments (or `error`/`message` options) are the messages people see. */
const ZOD_CALLS = new Set([
  "string", "number", "boolean", "enum", "array", "object", "strictObject", "email", "url", "date", "int", "min", "max", "length",
  "refine", "regex", "positive", "nonnegative", "nonempty", "gte", "lte", "gt", "lt", "startsWith", "endsWith", "includes",
  "multipleOf", "addIssue", "custom", "uuid", "iso", "datetime", "record", "tuple", "union",
]);

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

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !SKIP.some((skip) => skip.test(path)) ? [path] : [];
  });
}

/** A sentence a person reads: a capital (or a value) first, a space inside, a full stop, ? or ! last. */
export const isSentence = (text: string) => /^[A-Z{]/.test(text) && /\s/.test(text) && /[.?!]$/.test(text) && /[a-z]/.test(text);

const calleeName = (call: Node): string | null => {
  const callee = call.callee as Node;
  if (callee.type === "Identifier") return String(callee.name);
  if (callee.type === "MemberExpression" && (callee.property as Node).type === "Identifier") return String((callee.property as Node).name);
  return null;
};

const isConsole = (call: Node) => {
  const callee = call.callee as Node;
  return callee.type === "MemberExpression" && (callee.object as Node).type === "Identifier" && (callee.object as Node).name === "console";
};

/** `new Error(…)`, `new RangeError(…)`: a bug's description for the log, never shown (it becomes a 500). */
const isInternalError = (node: Node) =>
  node.type === "NewExpression" && (node.callee as Node).type === "Identifier" && /Error$/.test(String((node.callee as Node).name)) && (node.callee as Node).name !== "VisibleError";

export function findServerMessages(): ServerMessage[] {
  const files = new Map(
    SOURCE_DIRS.flatMap(sourceFiles).map((file) => [file, parse(readFileSync(join(ROOT, file), "utf8"), { sourceType: "module", plugins: ["typescript"] }).program as unknown as Node]),
  );

  // Functions by name (declarations and `const f = (…) =>`), and string constants by file.
  const fns = new Map<string, Fn[]>();
  const constants = new Map<string, Node>();
  const addFn = (name: string, file: string, node: Node) => {
    const params = (node.params as Node[]).map((param) =>
      param.type === "AssignmentPattern"
        ? { name: String((param.left as Node).name), fallback: param.right as Node }
        : { name: param.type === "Identifier" ? String(param.name) : "", fallback: null },
    );
    fns.set(name, [...(fns.get(name) ?? []), { file, node, params }]);
  };
  const index = (node: Node, file: string) => {
    if (node.type === "FunctionDeclaration" && isNode(node.id)) addFn(String(node.id.name), file, node);
    if (node.type === "VariableDeclarator" && isNode(node.id) && node.id.type === "Identifier" && isNode(node.init)) {
      if (/Function/.test(node.init.type)) addFn(String(node.id.name), file, node.init);
      if (node.init.type === "StringLiteral") constants.set(`${file}|${String(node.id.name)}`, node.init);
    }
    for (const child of children(node)) index(child, file);
  };
  for (const [file, program] of files) index(program, file);

  const resolveFn = (name: string, file: string): Fn[] => {
    const all = fns.get(name) ?? [];
    const local = all.filter((fn) => fn.file === file);
    return local.length ? local : all;
  };

  /** The messages an expression may evaluate to; "{}" stands for what is only known at run time. */
  function shapes(node: Node | null, env: Env, file: string, depth = 0): string[] {
    if (!node || depth > 8) return ["{}"];
    switch (node.type) {
      case "StringLiteral":
        return [String(node.value)];
      case "TemplateLiteral": {
        const quasis = (node.quasis as Node[]).map((quasi) => String((quasi.value as { cooked: string }).cooked));
        let out = [quasis[0]!];
        (node.expressions as Node[]).forEach((expression, i) => {
          const parts = inline(expression, env, file, depth);
          out = out.flatMap((prefix) => parts.map((part) => prefix + part + quasis[i + 1]));
        });
        return out;
      }
      case "ConditionalExpression":
        return [...shapes(node.consequent as Node, env, file, depth + 1), ...shapes(node.alternate as Node, env, file, depth + 1)];
      case "TSAsExpression":
      case "TSNonNullExpression":
      case "ParenthesizedExpression":
        return shapes(node.expression as Node, env, file, depth);
      case "Identifier": {
        const name = String(node.name);
        if (env.has(name)) {
          const bound = env.get(name);
          return bound ? shapes(bound.node, bound.env, file, depth + 1) : ["{}"];
        }
        const constant = constants.get(`${file}|${name}`);
        return constant ? [String(constant.value)] : ["{}"];
      }
      default:
        return ["{}"];
    }
  }

  /** A value inside a template: a literal, a choice of literals ("" or "s"), a bound parameter, else "{}". */
  function inline(node: Node, env: Env, file: string, depth: number): string[] {
    if (node.type === "StringLiteral" || node.type === "TemplateLiteral" || node.type === "ConditionalExpression") {
      const parts = shapes(node, env, file, depth + 1);
      return parts.every((part) => !part.includes("{}")) ? parts : ["{}"];
    }
    if (node.type === "Identifier" && env.get(String(node.name))) return shapes(node, env, file, depth + 1);
    return ["{}"];
  }

  const found = new Map<string, string>();
  // A message has words: "{}" alone (a value passed through) or an id prefix ("key_") is not one.
  const isMessage = (value: string) => /[a-z]{2}/i.test(value.replace(/\{\}/g, "")) && (/\s/.test(value) || /[.!?]$/.test(value));
  const report = (values: string[], where: string) => {
    for (const value of values) if (isMessage(value) && !found.has(value)) found.set(value, where);
  };

  /** Values of the `fields` object of an error: each property is a field message. */
  function fieldMessages(node: Node | null, env: Env, file: string, where: string, depth = 0) {
    if (!node || depth > 8) return;
    if (node.type === "Identifier" && env.get(String(node.name))) {
      const bound = env.get(String(node.name))!;
      return fieldMessages(bound.node, bound.env, file, where, depth + 1);
    }
    if (node.type === "ConditionalExpression") {
      fieldMessages(node.consequent as Node, env, file, where, depth + 1);
      fieldMessages(node.alternate as Node, env, file, where, depth + 1);
      return;
    }
    if (node.type !== "ObjectExpression") return;
    for (const property of node.properties as Node[]) {
      if (property.type !== "ObjectProperty") continue;
      const key = property.key as Node;
      const value = property.value as Node;
      if (key.type === "Identifier" && key.name === "fields" && !property.computed) fieldMessages(value, env, file, where, depth + 1);
      else if (!isFieldsContainer(node)) report(shapes(value, env, file), where);
    }
  }
  // `{ fields }` / `{ fields: {...} }` wrap the field messages; any other object here holds them.
  const isFieldsContainer = (object: Node) =>
    (object.properties as Node[]).some((property) => property.type === "ObjectProperty" && (property.key as Node).type === "Identifier" && (property.key as Node).name === "fields");

  const visiting = new Set<Node>();

  /** Walks code, reporting messages at their sinks; calls into project functions bind their arguments. */
  function walk(node: Node, env: Env, file: string, callDepth: number) {
    const where = `${file}:${(node.loc as { start: { line: number } } | undefined)?.start.line ?? 0}`;
    if (node.type === "NewExpression" && (node.callee as Node).type === "Identifier" && (node.callee as Node).name === "VisibleError") {
      const args = node.arguments as Node[];
      report(shapes(args[2] ?? null, env, file), where);
      fieldMessages(args[3] ?? null, env, file, where);
    }
    if (node.type === "CallExpression" && !isConsole(node)) {
      const name = calleeName(node);
      const args = node.arguments as Node[];
      if (name === "errorBody") {
        report(shapes(args[1] ?? null, env, file).concat(returnsOf(args[1] ?? null, env, file)), where);
        fieldMessages(args[2] ?? null, env, file, where);
      }
      if (name && ZOD_CALLS.has(name) && (node.callee as Node).type === "MemberExpression") {
        for (const arg of args) {
          if (arg.type === "ObjectExpression") {
            for (const property of arg.properties as Node[])
              if (property.type === "ObjectProperty" && ["error", "message"].includes(String((property.key as Node).name)))
                report(shapes(property.value as Node, env, file), where);
          } else if (arg.type === "StringLiteral" || arg.type === "TemplateLiteral" || (arg.type === "Identifier" && env.get(String(arg.name))))
            report(shapes(arg, env, file), where);
        }
      }
      // A project function: its body, with this call's arguments bound to its parameters.
      if (name && (node.callee as Node).type === "Identifier" && callDepth < 4) {
        for (const fn of resolveFn(name, file)) {
          if (visiting.has(fn.node) || !fn.params.length) continue;
          const bound: Env = new Map(
            fn.params.map((param, i) => {
              const arg = args[i];
              return [param.name, arg ? { node: arg, env } : param.fallback ? { node: param.fallback, env: new Map() } : null] as const;
            }),
          );
          visiting.add(fn.node);
          walk(fn.node.body as Node, bound, fn.file, callDepth + 1);
          visiting.delete(fn.node);
        }
      }
    }
    // `fields[name] = "…"`: a field message set in a loop.
    if (node.type === "AssignmentExpression") {
      const left = node.left as Node;
      if (left.type === "MemberExpression" && (left.object as Node).type === "Identifier" && (left.object as Node).name === "fields")
        report(shapes(node.right as Node, env, file), where);
    }
    if (node.type === "CallExpression" && isConsole(node)) return;
    if (isInternalError(node)) return;
    for (const child of children(node)) walk(child, env, file, callDepth);
  }

  /** Literals a local function returns, for `errorBody(code, readable(err))`. */
  function returnsOf(node: Node | null, env: Env, file: string): string[] {
    if (!node || node.type !== "CallExpression") return [];
    const name = calleeName(node);
    const out: string[] = [];
    for (const fn of name ? resolveFn(name, file) : []) {
      const visit = (inner: Node) => {
        if (inner.type === "ReturnStatement" && inner.argument) {
          const argument = inner.argument as Node;
          const literals = argument.type === "LogicalExpression" ? [argument.left as Node, argument.right as Node] : [argument];
          for (const literal of literals) out.push(...shapes(literal, env, fn.file).filter((shape) => shape !== "{}"));
        }
        children(inner).forEach(visit);
      };
      visit(fn.node.body as Node);
    }
    return out;
  }

  // Every file from the top: sinks with their literal messages, calls expanded.
  for (const [file, program] of files) walk(program, new Map(), file, 0);

  // The sweep: sentence-like literals anywhere else (a reason returned by a checker function).
  const sweep = (node: Node, file: string, skip: boolean) => {
    if (node.type === "CallExpression" && (isConsole(node) || ["describeRoute", "describe", "meta"].includes(calleeName(node) ?? ""))) skip = true;
    if (isInternalError(node)) skip = true;
    if (node.type === "ObjectProperty" && ["summary", "description"].includes(String((node.key as Node).name))) skip = true;
    if (!skip && (node.type === "StringLiteral" || node.type === "TemplateLiteral")) {
      const where = `${file}:${(node.loc as { start: { line: number } }).start.line}`;
      report(shapes(node, new Map(), file).filter(isSentence), where);
    }
    for (const child of children(node)) sweep(child, file, skip);
  };
  for (const [file, program] of files) sweep(program, file, false);

  return [...found].map(([shape, where]) => ({ shape, where }));
}
