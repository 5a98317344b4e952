import { resolver } from "hono-openapi";
import type { z } from "zod";

// Each operation's success response, declared with the output schema of the domain function it
// answers with (packages/core/<area>/output.ts), so the OpenAPI document's result types come from
// the same zod schemas the code's types are checked against. Output mode: objects are closed
// (additionalProperties: false), so a field the code returns but the schema lacks is a contract
// failure in tests/api/contract.test.ts.
const OUTPUT = { options: { io: "output" } };

type Status = 200 | 201 | 202;

const json = (status: Status, description: string, schema: z.ZodType) => ({
  [status]: { description, content: { "application/json": { schema: resolver(schema, OUTPUT) } } },
});

/** 200 with JSON of `schema`. */
export const ok = (schema: z.ZodType, description = "OK") => json(200, description, schema);
/** 201 with JSON of `schema`: what was made. */
export const created = (schema: z.ZodType, description = "Created") => json(201, description, schema);
/** 202 with JSON of `schema`: taken, to be done after the answer (an email sent). */
export const accepted = (schema: z.ZodType, description = "Accepted") => json(202, description, schema);
/** 204: done, nothing to answer. */
export const noContent = (description = "Done") => ({ 204: { description } });
/** 200 with a body that is not JSON: a CSV export, a printable page, a calendar. */
export const media = (type: string, description: string) => ({ 200: { description, content: { [type]: { schema: { type: "string" as const } } } } });
/** 200 with a file's bytes (an invoice's PDF): binary, not text. */
export const file = (type: string, description: string) => ({
  200: { description, content: { [type]: { schema: { type: "string" as const, format: "binary" } } } },
});
/** 302 to a short-lived URL. */
export const redirect = (description: string) => ({
  302: { description, headers: { location: { description: "Where to go", schema: { type: "string" as const } } } },
});
