import { Hono } from "hono";
import type { OpenAPIV3_1 } from "openapi-types";
import { Email } from "@baton/core/email";
import { allow } from "../access.ts";

const { escapeHtml } = Email;

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

let document: Promise<OpenAPIV3_1.Document> | undefined;
let reference: Promise<string> | undefined;

/**
 * The OpenAPI document made from the routes when the API was built (openapi-spec.ts, written to
 * openapi.json), loaded by the first call that asks for it: its own chunk in the bundle, so other
 * calls neither load it nor the generator.
 */
function openApiDocument(): Promise<OpenAPIV3_1.Document> {
  document ??= import("../openapi.json").then((module) => (module.default ?? module) as unknown as OpenAPIV3_1.Document);
  return document;
}

export function docsRoutes() {
  return new Hono()
    .get("/openapi.json", allow("anyone"), async (c) => c.json(await openApiDocument()))
    .get("/docs", allow("anyone"), async (c) => c.html(await (reference ??= openApiDocument().then(renderReference))));
}

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
