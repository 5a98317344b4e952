import type { StandardSchemaV1 } from "@standard-schema/spec";
import type { ValidationTargets } from "hono";
import { validator } from "hono-openapi";
import { VisibleError } from "@baton/core/error";
import { validates } from "./access.ts";

type Issue = StandardSchemaV1.Issue & { code?: string; keys?: string[] };

/**
 * Request validation: a hono-openapi validator (so the schema lands in the OpenAPI document and
 * the input type reaches `hc` clients) whose failures become one `validation_failed` error.
 */
export function input<S extends StandardSchemaV1, T extends keyof ValidationTargets>(target: T, schema: S) {
  return validates(
    validator(target, schema, (result) => {
      if (!result.success) throw toValidationError(result.error as readonly Issue[]);
    }),
  );
}

function toValidationError(issues: readonly Issue[]): VisibleError {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const path = (issue.path ?? []).map((p) => String(typeof p === "object" ? p.key : p));
    if (issue.code === "unrecognized_keys" && issue.keys) {
      for (const key of issue.keys) fields[[...path, key].join(".")] ??= "Unknown field.";
      continue;
    }
    fields[path.length ? path.join(".") : "_"] ??= issue.message;
  }
  return new VisibleError("validation", "validation_failed", "Some fields need attention.", { fields });
}
