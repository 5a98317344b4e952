import { VisibleError, notFound } from "../error/index.ts";

/** After a conditional write failed: 404 when the item is gone, else 409 with what is there now. */
export function staleWrite<T>(what: string, current: T | null): VisibleError {
  if (!current) return notFound(what);
  return new VisibleError("conflict", "conflict", `${what} was changed by someone else. Review the latest version and try again.`, {
    current,
  });
}
