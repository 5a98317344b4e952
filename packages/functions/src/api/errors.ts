import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { useActor } from "@baton/core/actor";
import { VisibleError } from "@baton/core/error";
import { I18n } from "@baton/core/i18n";
import { Log } from "@baton/core/log";

export type ErrorBody = {
  error: { code: string; message: string; fields?: Record<string, string> };
  current?: unknown;
};

export function errorBody(code: string, message: string, fields?: Record<string, string>): ErrorBody {
  return { error: { code, message, ...(fields ? { fields } : {}) } };
}

const httpCodes: Record<number, string> = {
  400: "bad_request",
  401: "unauthenticated",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  413: "payload_too_large",
};

/**
 * An error answer in the reader's language: messages are written in English where they are thrown
 * and translated here, once, by the caller's saved locale (signed in) or Accept-Language.
 */
export async function errorJson(c: Context, body: ErrorBody, status: ContentfulStatusCode) {
  const locale = useActor().locale ?? I18n.negotiate(c.req.header("accept-language"));
  // The catalog is loaded by the first error a Greek or Hindi reader gets, not at a cold start.
  await I18n.loadMessages(locale);
  c.header("content-language", locale);
  c.header("vary", "accept-language", { append: true });
  return c.json({ ...body, error: I18n.translateError(locale, body.error) }, status);
}

// The one place where failures become HTTP responses. Only VisibleErrors carry their message to
// the caller; anything else is logged and answered without details.
export async function onError(err: Error, c: Context) {
  if (err instanceof VisibleError) {
    const body = errorBody(err.code, err.message, err.extra.fields);
    if (err.extra.current !== undefined) body.current = err.extra.current;
    return errorJson(c, body, err.status as ContentfulStatusCode);
  }
  if (err instanceof HTTPException && err.status < 500) {
    const code = err.status === 400 && /json/i.test(err.message) ? "invalid_json" : (httpCodes[err.status] ?? "bad_request");
    return errorJson(c, errorBody(code, readable(err)), err.status as ContentfulStatusCode);
  }
  if (isBadStartKey(err)) {
    // A cursor of the right shape from another list (or edited): DynamoDB refuses to start there.
    return errorJson(c, errorBody("invalid_cursor", "That page link is not valid. Start again from the first page.", { cursor: "Start again from the first page." }), 400);
  }
  if (isRefusedByDynamo(err)) {
    // A value reached DynamoDB that validation should have stopped (a key over its size limit, an
    // empty key attribute): the caller's input, so a 400, but a bug of ours to fix.
    Log.error("api: bug: DynamoDB refused a request that validation let through", err);
    return errorJson(c, errorBody("invalid_request", "Part of this request is not valid. Check the ids and values and try again."), 400);
  }
  if (isUnavailable(err)) {
    Log.error("api: dependency unavailable", err);
    return errorJson(c, errorBody("unavailable", "Baton is temporarily unavailable. Please try again in a minute."), 503);
  }
  Log.error("api: unhandled error", err);
  return errorJson(c, errorBody("internal", "Something went wrong on our side. Please try again."), 500);
}

function readable(err: HTTPException): string {
  if (/malformed json/i.test(err.message)) return "The request body is not valid JSON.";
  if (/content-type/i.test(err.message)) return "Send the request body as JSON (Content-Type: application/json).";
  return err.message || "The request could not be understood.";
}

const UNAVAILABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EAI_AGAIN"]);
const UNAVAILABLE_NAMES = new Set([
  "ProvisionedThroughputExceededException",
  "ThrottlingException",
  "RequestLimitExceeded",
  "ServiceUnavailable",
  "InternalServerError",
  "TimeoutError",
]);

type ErrorLike = { code?: string; name?: string; message?: string; cause?: unknown };

/** True when the error or one of the causes it wraps (ElectroDB wraps the SDK's) matches. */
function anyCause(err: unknown, matches: (cause: ErrorLike) => boolean): boolean {
  let cause = err as ErrorLike | undefined;
  for (let depth = 0; cause && depth < 6; depth++, cause = cause.cause as ErrorLike | undefined) {
    if (matches(cause)) return true;
  }
  return false;
}

/** True when the error (or one of its causes) means a dependency is down or overloaded. */
export function isUnavailable(err: unknown): boolean {
  return anyCause(err, (e) => Boolean((e.code && UNAVAILABLE_CODES.has(e.code)) || (e.name && UNAVAILABLE_NAMES.has(e.name))));
}

/** True when DynamoDB refused a query's start key (the page cursor), however deep the cause. */
function isBadStartKey(err: unknown): boolean {
  return anyCause(err, (e) => e.name === "ValidationException" && /start(ing)? ?key/i.test(e.message ?? ""));
}

/** True when DynamoDB refused the request itself as malformed (ValidationException), however deep. */
function isRefusedByDynamo(err: unknown): boolean {
  return anyCause(err, (e) => e.name === "ValidationException");
}
