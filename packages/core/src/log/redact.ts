// What must never reach a log line: people's email addresses and anything that signs in or signs
// (session cookies, sign-in links, survey and calendar tokens, API keys, secrets). Keys with such
// names are dropped whatever their value; values are scrubbed wherever they appear in text, so an
// error message that quotes a request or a DynamoDB key can't leak them either.

const SECRET_KEY = /secret|token|password|passwd|authori[sz]ation|cookie|signature|api.?key|credential|^to$|^email$|recipient|destination/i;

const PATTERNS: [RegExp, string][] = [
  // An email address (also inside DynamoDB keys such as `$baton#email_ada@acme.example`).
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, "[email]"],
  // A JWT (the session cookie).
  [/eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, "[jwt]"],
  // An API key: bk.<agency>.<key>.<secret>.
  [/bk\.[A-Za-z0-9_.-]{20,}/g, "[api-key]"],
  // Any other long run of base64url or hex (link secrets, signatures, hashes): ids are shorter.
  [/[A-Za-z0-9_-]{40,}/g, "[secret]"],
];

export function scrub(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** A copy of `value` safe to log: secret-named keys dropped, strings scrubbed, errors flattened. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return "[deep]";
  if (typeof value === "string") return scrub(value);
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Error) return describeError(value, depth);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => redact(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) ? "[redacted]" : redact(item, depth + 1);
  }
  return out;
}

/** An error as data: its name, code, scrubbed message and stack, and what it wraps. */
function describeError(error: Error, depth: number): Record<string, unknown> {
  const { code, $metadata } = error as Error & { code?: unknown; $metadata?: { httpStatusCode?: number } };
  return {
    name: error.name,
    message: scrub(error.message).slice(0, 1000),
    ...(typeof code === "string" ? { code } : {}),
    ...($metadata?.httpStatusCode ? { httpStatus: $metadata.httpStatusCode } : {}),
    ...(error.stack ? { stack: scrub(error.stack).split("\n").slice(0, 12).join("\n") } : {}),
    ...(error.cause !== undefined && depth < 4 ? { cause: redact(error.cause, depth + 1) } : {}),
  };
}
