// One error type for everything a user may cause. The HTTP boundary maps `kind` to a status once;
// anything that is not a VisibleError is a bug and becomes a 500 without details.
export const ErrorKinds = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  /** A link that worked once but no longer does (an expired survey link). */
  gone: 410,
  too_large: 413,
  unsupported: 415,
  rule: 422,
  rate_limited: 429,
  unavailable: 503,
} as const;

export type ErrorKind = keyof typeof ErrorKinds;

export type ErrorExtra = {
  /** Field name → readable message, for forms. */
  fields?: Record<string, string>;
  /** The current state of the thing a conflicting write was aimed at. */
  current?: unknown;
};

export class VisibleError extends Error {
  constructor(
    public readonly kind: ErrorKind,
    public readonly code: string,
    message: string,
    public readonly extra: ErrorExtra = {},
  ) {
    super(message);
    this.name = "VisibleError";
  }

  get status() {
    return ErrorKinds[this.kind];
  }
}

export const notFound = (what: string) =>
  new VisibleError("not_found", "not_found", `${what} was not found.`);
