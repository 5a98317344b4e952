import { sValidator } from "@hono/standard-validator";
import type { StandardSchemaV1 } from "@standard-schema/spec";
import type { Context, MiddlewareHandler, Next, ValidationTargets } from "hono";

// What a deployed function gets for `hono-openapi` (infra/bundle.ts swaps the import): the same
// middleware without the OpenAPI metadata, which only the generator reads, and the generator ran
// when the API was built (openapi-spec.ts → openapi.json). hono-openapi's `validator` is
// @hono/standard-validator's plus that metadata, its `describeRoute` a middleware that calls
// `next`, and `resolver` wraps a schema for the generator; so requests are judged the same, and
// neither hono-openapi nor its JSON Schema converters are loaded by a call.

export function describeRoute(_spec: unknown): MiddlewareHandler {
  return async function describeRoute(_c: Context, next: Next) {
    await next();
  };
}

export function resolver<S extends StandardSchemaV1>(schema: S, _options?: unknown): S {
  return schema;
}

export function validator(target: keyof ValidationTargets, schema: StandardSchemaV1, hook?: Parameters<typeof sValidator>[2], _options?: unknown) {
  return sValidator(target, schema, hook);
}
