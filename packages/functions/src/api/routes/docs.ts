import { Hono } from "hono";
import { generateSpecs } from "hono-openapi";
import type { OpenAPIV3_1 } from "openapi-types";
import { Email } from "@baton/core/email";
import { allow } from "../access.ts";

const { escapeHtml } = Email;

const errorSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", examples: ["validation_failed"] },
        message: { type: "string", description: "Readable; safe to show to the person." },
        fields: { type: "object", additionalProperties: { type: "string" }, description: "Field name → what is wrong with it." },
      },
    },
    current: { description: "With 409 conflict: the current state of what you tried to change." },
  },
} as const;

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

const documentation = {
  openapi: "3.1.0",
  info: {
    title: "Baton API",
    version: "1.0.0",
    description:
      "The API behind Baton's team app and client portal. Browsers authenticate with the session cookie set by POST /api/auth/verify and must send the x-baton-app header (web or portal) on state-changing requests; integrations send `Authorization: Bearer <API key>`. Errors are `{ error: { code, message, fields? } }`.",
  },
  servers: [{ url: "/api" }],
  components: {
    schemas: { Error: errorSchema },
    responses: {
      Unauthenticated: errorResponse("Not signed in (401)"),
      Forbidden: errorResponse("Signed in, but not allowed (403), or the CSRF header is missing"),
      NotFound: errorResponse("No such thing in your agency (404)"),
      Conflict: errorResponse("Stale version or a value already taken (409)"),
    },
    securitySchemes: {
      session: { type: "apiKey", in: "cookie", name: "baton_web" },
      apiKey: { type: "http", scheme: "bearer" },
    },
  },
  security: [{ session: [] }, { apiKey: [] }],
} as const;

let cached: Promise<OpenAPIV3_1.Document> | undefined;

/** The OpenAPI 3.1 document, generated once from the routes' validators and descriptions. */
export function openApiDocument(routes: Hono<any, any, any>): Promise<OpenAPIV3_1.Document> {
  cached ??= generateSpecs(routes, {
    documentation: documentation as never,
    defaultValidationErrorResponse: errorResponse("Malformed JSON, wrong types or unknown fields (400)") as never,
  }) as Promise<OpenAPIV3_1.Document>;
  return cached;
}

export function docsRoutes(routes: Hono<any, any, any>) {
  return new Hono()
    .get("/openapi.json", allow("anyone"), async (c) => c.json(await openApiDocument(routes)))
    .get("/docs", allow("anyone"), async (c) => c.html(renderReference(await openApiDocument(routes))));
}

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

/** A plain, script-free reference page, readable without any CDN. */
function renderReference(doc: OpenAPIV3_1.Document): string {
  const rows = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const op = item?.[method];
      if (!op) return [];
      const body = (op.requestBody as OpenAPIV3_1.RequestBodyObject | undefined)?.content?.["application/json"]?.schema;
      const query = (op.parameters as OpenAPIV3_1.ParameterObject[] | undefined)?.filter((p) => p.in === "query") ?? [];
      return [
        `<section><h3><code>${method.toUpperCase()} /api${escapeHtml(path)}</code></h3><p>${escapeHtml(op.summary ?? "")}</p>` +
          (query.length ? `<p>Query: ${query.map((p) => `<code>${escapeHtml(p.name)}</code>`).join(", ")}</p>` : "") +
          (body ? `<details><summary>JSON body</summary><pre>${escapeHtml(JSON.stringify(body, null, 2))}</pre></details>` : "") +
          `</section>`,
      ];
    }),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Baton API reference</title>
<style>body{font-family:system-ui,sans-serif;max-width:880px;margin:2rem auto;padding:0 1rem;color:#101828;line-height:1.5}section{border-top:1px solid #e4e7ec;padding:.5rem 0}h3{margin:.5rem 0;font-size:1rem}pre{background:#f2f4f7;padding:1rem;overflow:auto}</style></head>
<body><h1>${escapeHtml(doc.info.title)}</h1><p>${escapeHtml(doc.info.description ?? "")}</p><p><a href="/api/openapi.json">OpenAPI 3.1 document</a></p>${rows.join("\n")}</body></html>`;
}
