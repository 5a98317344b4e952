import { revalidate } from "@solidjs/router";
import { createEffect, onCleanup } from "solid-js";

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
