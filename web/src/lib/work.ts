import { conflictCurrent, isApiError } from "@baton/ui/api";
import { revalidate } from "@solidjs/router";
import { createEffect, onCleanup } from "solid-js";

/**
 * What a 409 carries as the thing's current state: a stale `version` ("conflict") or a move
 * the thing's status no longer allows (e.g. "task.invalid_transition"); undefined otherwise.
 */
export function staleCurrent<T>(error: unknown): T | undefined {
  const current = conflictCurrent<T>(error);
  if (current) return current;
  if (!isApiError(error) || error.status !== 409) return undefined;
  return (error.body as { current?: T } | undefined)?.current ?? undefined;
}

/** Query keys of every list a task appears in; see pages/tasks/data.ts and pages/requests/data.ts. */
export const taskListKeys = ["tasks.mine", "tasks.qa", "tasks.board", "tasks.deadlines", "tasks.workload"];
export const requestKeys = ["requests.list", "request.detail", "request.history"];

/**
 * After a task moved: lists on screen refetch, the rest refetch when next opened. The task's
 * own page is already showing the task the API answered with.
 */
export function afterTaskChange() {
  return revalidate([...taskListKeys, ...requestKeys]);
}

/**
 * Expires a page's queries when it is left. The router reuses a result for a few seconds,
 * which would show (say) a task as it was before a colleague moved it to someone coming
 * straight back; this way coming back always reads the current state.
 */
export function expireOnLeave(keys: () => string | string[]) {
  // An effect, so moving between two tasks on the same (reused) page expires the one left too.
  createEffect(() => {
    const current = keys();
    onCleanup(() => void revalidate(current));
  });
}
