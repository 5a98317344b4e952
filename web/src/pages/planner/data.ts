import { api } from "@baton/ui/api";
import type { Member } from "@baton/ui/types";
import { isRealDate } from "@baton/kernel/dates";
import { mondayOf } from "@baton/kernel/time";
import { query } from "@solidjs/router";

export { getAllClients } from "../clients/data";

/** The whole team (up to 100 pages of 100), sorted by name, without people who have left. */
export const getAllMembers = query(async (): Promise<Member[]> => {
  const all: Member[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) {
    const result = await api.members.list({ limit: 100, cursor });
    all.push(...result.items);
    if (!result.cursor) break;
    cursor = result.cursor;
  }
  return all.filter((member) => member.status !== "removed").sort((a, b) => a.name.localeCompare(b.name));
}, "planner.members");

export type PlannerSearch = { week?: string; client?: string; member?: string };

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
