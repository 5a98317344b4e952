import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

// The API contract, checked while the suites run: every answer an ApiClient receives is compared
// with what the OpenAPI document (/api/openapi.json) declares for that operation and status —
// a 2xx against its success schema (or its declared media type), a 4xx against the Error schema.
// Mismatches are recorded here; test-env.ts fails the test file that produced any, and
// tests/api/contract.test.ts walks the routes itself. Set BATON_CONTRACT=off to skip it.

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

type Schema = Record<string, unknown>;
type Operation = { responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> };
type Document = { paths: Record<string, Record<string, Operation>>; components: Record<string, unknown> };

export type Mismatch = { operation: string; status: number; problem: string };

const DOC_ID = "baton-openapi.json";
const METHODS = new Set(["get", "post", "put", "patch", "delete"]);

class Contract {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly templates: { template: string; pattern: RegExp; params: number }[];

  constructor(private readonly doc: Document) {
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: DOC_ID, components: doc.components });
    // Literal segments before parameters: /tasks/board is not /tasks/{taskId}.
    this.templates = Object.keys(doc.paths)
      .map((template) => ({
        template,
        pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+")}$`),
        params: (template.match(/\{/g) ?? []).length,
      }))
      .sort((a, b) => a.params - b.params);
  }

  /** The operation a request reached: its method and path template, or undefined. */
  operationOf(method: string, path: string): { name: string; operation: Operation } | undefined {
    const bare = path.split("?")[0]!.replace(/\/$/, "") || "/";
    const lower = method.toLowerCase();
    if (!METHODS.has(lower)) return undefined;
    for (const { template, pattern } of this.templates) {
      const operation = this.doc.paths[template]?.[lower];
      if (operation && (pattern.test(bare) || pattern.test(`${bare}/`))) return { name: `${method.toUpperCase()} ${template}`, operation };
    }
    return undefined;
  }

  /** What is wrong with this answer, or null when it is what the document declares. */
  check(method: string, path: string, status: number, contentType: string, body: unknown): Mismatch | null {
    if (status >= 500 || (status >= 300 && status < 400)) return null;
    const found = this.operationOf(method, path);
    // Unknown routes answer 404 in the Error shape; the app's own 404 is checked below.
    const name = found?.name ?? `${method.toUpperCase()} ${path.split("?")[0]} (no such operation)`;
    const fail = (problem: string): Mismatch => ({ operation: name, status, problem });
    if (status >= 400) {
      if (!/json/.test(contentType)) return fail(`a ${status} that is not JSON (${contentType || "no content type"})`);
      return this.validate("#/components/schemas/Error", { $ref: `${DOC_ID}#/components/schemas/Error` }, body, fail);
    }
    if (!found) return fail("no operation in the document");
    const responses = found.operation.responses ?? {};
    const declared = responses[String(status)] ?? responses[`${String(status)[0]}XX`];
    if (!declared) return fail(`status ${status} is not declared (declared: ${Object.keys(responses).join(", ")})`);
    if (status === 204) return null;
    const media = Object.keys(declared.content ?? {});
    const mediaType = media.find((type) => contentType.startsWith(type));
    if (!mediaType) return fail(`content type ${contentType || "none"} is not declared (declared: ${media.join(", ") || "no content"})`);
    const schema = declared.content![mediaType]!.schema;
    if (!/json/.test(mediaType)) return null;
    if (!schema) return fail("no schema declared for its JSON");
    return this.validate(`${name} ${status}`, schema, body, fail);
  }

  private validate(key: string, schema: Schema, body: unknown, fail: (problem: string) => Mismatch): Mismatch | null {
    let validate = this.validators.get(key);
    if (!validate) {
      // Refs inside the document's schemas are relative to the document.
      const rooted = JSON.parse(JSON.stringify(schema).replaceAll('"$ref":"#/', `"$ref":"${DOC_ID}#/`));
      validate = this.ajv.compile(rooted);
      this.validators.set(key, validate);
    }
    if (validate(body)) return null;
    const errors = (validate.errors ?? [])
      .slice(0, 5)
      .map((e) => `${e.instancePath || "/"} ${e.message}${e.keyword === "additionalProperties" ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})` : ""}`);
    return fail(errors.join("; "));
  }
}

let contract: Promise<Contract> | undefined;

/** Every mismatch seen in this test file, and every operation that answered it with success. */
export const mismatches: Mismatch[] = [];
export const reached = new Set<string>();

export const contractEnabled = () => process.env.BATON_CONTRACT !== "off";

async function load(baseUrl: string): Promise<Contract> {
  const response = await fetch(`${baseUrl}/api/openapi.json`);
  if (!response.ok) throw new Error(`The OpenAPI document could not be read (${response.status})`);
  return new Contract((await response.json()) as Document);
}

/** Checks one answer against the document served at `baseUrl` (read once per test file). */
export async function checkAnswer(baseUrl: string, method: string, path: string, response: Response, body: unknown): Promise<void> {
  // A followed redirect answered from elsewhere (a file download from storage): not the API's answer.
  if (path === "/openapi.json" || path === "/docs" || response.redirected) return;
  contract ??= load(baseUrl);
  const checked = await contract;
  const found = checked.operationOf(method, path);
  if (found && response.status < 300) reached.add(found.name);
  const mismatch = checked.check(method, path, response.status, response.headers.get("content-type") ?? "", body);
  if (mismatch) mismatches.push(mismatch);
}

/** The mismatches so far, one line each, for a failure message. */
export const describeMismatches = (found: readonly Mismatch[] = mismatches) =>
  found.map((m) => `${m.operation} → ${m.status}: ${m.problem}`).join("\n");
