import { api } from "@baton/ui/api";
import type { PlannerPeople } from "@baton/ui/types";
import { isRealDate } from "@baton/kernel/dates";
import { mondayOf } from "@baton/kernel/time";
import { query } from "@solidjs/router";

export { getAllClients } from "../clients/data";

/** The team and, given a client, its people, each with the hours they keep and their zone. */
export const getPlannerPeople = query((clientId: string): Promise<PlannerPeople> => api.planner.people(clientId || undefined), "planner.people");

export type PlannerSearch = { week?: string; client?: string; with?: string; minutes?: string };

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

/** `?week=` as its Monday ("2026-03-09"), or "" (this week) for anything that is not a date. */
export function parseWeek(value: string | string[] | undefined): string {
  const date = one(value);
  if (!isRealDate(date)) return "";
  try {
    return mondayOf(date);
  } catch {
    return "";
  }
}

export const parseId = (value: string | string[] | undefined) => one(value).slice(0, 40);

/** `?with=` as the chosen people's ids (members' and contacts'), at most 20. */
export const parseWith = (value: string | string[] | undefined) =>
  [...new Set(one(value).split(",").map((id) => id.trim().slice(0, 40)).filter((id) => /^(mem|con)_/.test(id)))].slice(0, 20);

export const DURATIONS = [30, 45, 60, 90] as const;

/** `?minutes=` as one of the lengths offered, else an hour. */
export function parseMinutes(value: string | string[] | undefined): number {
  const minutes = Number(one(value));
  return (DURATIONS as readonly number[]).includes(minutes) ? minutes : 60;
}
