import { api } from "@baton/ui/api";
import { query } from "@solidjs/router";

// Keys: "task.detail" is nobody's prefix; the lists share "tasks." (see lib/work.ts).
export const getTask = query((id: string) => api.tasks.get(id), "task.detail");
export const getMine = query(() => api.tasks.mine(), "tasks.mine");
export const getQaQueue = query(() => api.tasks.qa(), "tasks.qa");
/** "" is every client's board. */
export const getBoard = query((clientId: string) => api.tasks.board(clientId || undefined), "tasks.board");
export const getDeadlines = query(() => api.tasks.deadlines(), "tasks.deadlines");
export const getWorkload = query((weeks: number) => api.tasks.workload(weeks), "tasks.workload");

export const workloadWeeks = [2, 4, 8, 12] as const;
export const parseWeeks = (value: unknown): number => {
  const n = Number(value);
  return (workloadWeeks as readonly number[]).includes(n) ? n : 4;
};
