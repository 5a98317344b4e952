import type { Hono } from "hono";
import { generateSpecs } from "hono-openapi";
import type { OpenAPIV3_1 } from "openapi-types";
import { accessOf, type AccessRule } from "./access.ts";
import { APP_HEADER } from "./session.ts";

// What the API's OpenAPI document says beyond the routes themselves: the description, the error
// shape, the ways in, and each operation's security read from its access rule. The generator runs
// when the API is bundled (infra/bundle.ts) and in `npm run openapi`; tests/api/openapi-file.test.ts
// checks that the served document is what it makes from today's routes.

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

const DESCRIPTION = `The API behind Baton's team app and client portal, and for the agency's own integrations.

**Who is calling.** Each operation's \`security\` lists the ways in that it accepts (an empty list: no sign-in).
- *Team app session*: the \`baton_web\` cookie, set by POST /auth/verify for a team member (owner or subcontractor).
- *Portal session*: the \`baton_portal\` cookie, set by POST /auth/verify for a client contact. The two apps may share a browser, so each has its own cookie; which one a request uses is chosen by the \`x-baton-app\` header.
- *\`x-baton-app\` header* (\`web\` or \`portal\`): required on every state-changing request (POST, PUT, PATCH, DELETE) that is not authenticated by an API key — it is the CSRF proof, and a request without it is refused with 403 \`csrf\`. It also picks the cookie: \`portal\` reads \`baton_portal\`, any other value \`baton_web\`. So a portal session sends \`x-baton-app: portal\` on every request, reads included; only a plain link (a GET or HEAD, which can send no header) may name the portal with \`?app=portal\` instead. Without the header and without \`?app=portal\`, a request reads \`baton_web\`.
- *API key*: \`Authorization: Bearer <key>\`, made by the owner in person (POST /api-keys). A request with an Authorization header is judged by it alone (cookies are ignored; an invalid key is 401) and needs no \`x-baton-app\` header. A key acts for the owner within its scopes: \`read\` for GET, \`write\` for every other method. Operations whose security has no \`apiKey\` entry refuse keys (403 \`apikey.not_allowed\`): key management, payment settings, team changes, data export and erasure, and what only a person has (unread counts).

**Shapes.** A list is \`{ items, cursor }\`: \`cursor\` is null on the last page, otherwise pass it back as \`?cursor=\` for the next one. An action on a resource answers what that resource's GET answers. Money is in integer minor units of its \`currency\`. Every write of an existing thing takes the \`version\` you read; a stale one is 409 with the current state in \`current\`.

**Errors** are \`{ error: { code, message, fields? } }\`; \`message\` and each of \`fields\` are sentences to show to the person, in their language.`;

const documentation = {
  openapi: "3.1.0",
  info: { title: "Baton API", version: "1.0.0", description: DESCRIPTION },
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
      webSession: {
        type: "apiKey",
        in: "cookie",
        name: "baton_web",
        description: "A team member's session (owner or subcontractor), set by POST /auth/verify. Read unless x-baton-app is `portal`.",
      },
      portalSession: {
        type: "apiKey",
        in: "cookie",
        name: "baton_portal",
        description: "A client contact's session, set by POST /auth/verify. Read only when x-baton-app is `portal` (or, on a GET or HEAD, with ?app=portal).",
      },
      appHeader: {
        type: "apiKey",
        in: "header",
        name: APP_HEADER,
        description:
          "`web` or `portal`: which app (so which cookie) the request is from. Required with a cookie on POST, PUT, PATCH and DELETE (CSRF proof; 403 `csrf` without it); with the portal cookie on every request.",
      },
      apiKey: {
        type: "http",
        scheme: "bearer",
        description:
          "An API key made by the owner (POST /api-keys), acting for the owner. Scopes: `read` (GET), `write` (every other method) and `webhooks` (REST-hook subscriptions and the poll list under /integrations, and nothing else). No Authorization header means no key; an invalid key is 401.",
      },
    },
  },
} as const;

type Security = OpenAPIV3_1.SecurityRequirementObject[];

/** The ways in an operation accepts, from the access rule its route declares (access.ts). */
export function securityOf(rule: AccessRule | undefined, method: string): Security {
  if (!rule || rule.roles.includes("anyone")) return [];
  const write = !["GET", "HEAD", "OPTIONS"].includes(method);
  const security: Security = [];
  if (rule.roles.includes("owner") || rule.roles.includes("subcontractor")) security.push(write ? { webSession: [], appHeader: [] } : { webSession: [] });
  if (rule.roles.includes("contact")) security.push({ portalSession: [], appHeader: [] });
  if (rule.roles.includes("owner") && rule.apiKeys === "scoped") security.push({ apiKey: [write ? "write" : "read"] });
  if (rule.roles.includes("owner") && rule.apiKeys === "webhooks") security.push({ apiKey: ["webhooks"] });
  return security;
}

export const METHODS = ["get", "post", "put", "patch", "delete"] as const;

const errorContent = { "application/json": { schema: { $ref: "#/components/schemas/Error" } } };

/**
 * Each operation's security, read from the `allow(...)` its route starts with; and its errors: every
 * 4xx is the Error shape (a described 4xx gets that content, any other is the `4XX` range).
 */
function finish(doc: OpenAPIV3_1.Document, routes: Hono<any, any, any>): OpenAPIV3_1.Document {
  for (const route of routes.routes) {
    const rule = accessOf(route.handler);
    if (!rule) continue;
    const op = doc.paths?.[route.path.replace(/:(\w+)/g, "{$1}")]?.[route.method.toLowerCase() as (typeof METHODS)[number]];
    if (!op) continue;
    op.security = securityOf(rule, route.method);
    const responses = (op.responses ??= {}) as Record<string, OpenAPIV3_1.ResponseObject>;
    for (const [status, response] of Object.entries(responses)) {
      if (status.startsWith("4") && !("$ref" in response) && !response.content) response.content = errorContent;
    }
    responses["4XX"] ??= { description: "Refused: not signed in (401), not allowed (403), not found (404), a conflict (409), a rule (422), too many (429)…", content: errorContent };
  }
  return doc;
}

/**
 * The OpenAPI 3.1 document, generated from the routes' validators and descriptions. Build time
 * and tests only: the API serves the copy this made (openapi.json), so that neither hono-openapi's
 * generator nor zod's JSON Schema converters are loaded by a deployed function.
 */
export async function generateOpenApi(routes: Hono<any, any, any>): Promise<OpenAPIV3_1.Document> {
  const doc = await generateSpecs(routes, {
    documentation: documentation as never,
    defaultValidationErrorResponse: errorResponse("Malformed JSON, wrong types or unknown fields (400)") as never,
  });
  return finish(doc as OpenAPIV3_1.Document, routes);
}


/** The document as openapi.json holds it (stable, so a regenerated file diffs only where it changed). */
export function serializeOpenApi(doc: OpenAPIV3_1.Document): string {
  return JSON.stringify(doc, null, 2) + "\n";
}
