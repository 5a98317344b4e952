import type { StandardSchemaV1 } from "@standard-schema/spec";
import type { ValidationTargets } from "hono";
import { validator } from "hono-openapi";
import { VisibleError } from "@baton/core/error";
import { fieldMessages, type Issue } from "@baton/core/fn";
import { validates } from "./access.ts";

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
  // Readable sentences, never zod's defaults ("expected number, received NaN"): core/fn/messages.ts.
  return new VisibleError("validation", "validation_failed", "Some fields need attention.", { fields: fieldMessages(issues) });
}
