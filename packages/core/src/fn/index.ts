import { z } from "zod";
import { VisibleError } from "../error/index.ts";
import { fieldMessages, type Issue } from "./messages.ts";

export { fieldMessages, issueMessage, type Issue } from "./messages.ts";

// A domain function validates its own input, so every caller (route, job, seed, test) gets the
// same rules; routes reuse `.schema` for request validation and the OpenAPI document.
export function fn<S extends z.ZodType, A extends unknown[], R>(
  schema: S,
  impl: (input: z.output<S>, ...rest: A) => R,
) {
  const run = (input: z.input<S>, ...rest: A): R => {
    const parsed = schema.safeParse(input);
    if (!parsed.success) throw validationError(parsed.error);
    return impl(parsed.data, ...rest);
  };
  run.schema = schema;
  return run;
}

export function validationError(error: z.ZodError): VisibleError {
  return new VisibleError("validation", "validation_failed", "Some fields need attention.", { fields: fieldMessages(error.issues as readonly Issue[]) });
}
