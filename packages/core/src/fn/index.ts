import { z } from "zod";
import { VisibleError } from "../error/index.ts";

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
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    if (issue.code === "unrecognized_keys") {
      for (const k of issue.keys) fields[[...issue.path, k].join(".")] ??= "Unknown field.";
      continue;
    }
    fields[key] ??= issue.message;
  }
  return new VisibleError("validation", "validation_failed", "Some fields need attention.", { fields });
}
