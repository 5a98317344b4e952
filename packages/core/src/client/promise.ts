import type { ResponsePromise } from "../business-hours/index.ts";
import type { ClientItem } from "./entity.ts";

export type { ResponsePromise } from "../business-hours/index.ts";

// The client's first-response promise as stored. Owners think in business days, so new clients
// are promised one; clients from before keep their hours as they were (responseHours, read as is),
// until the owner sets days.

export function promiseOf(item: Pick<ClientItem, "responseDays" | "responseHours">): ResponsePromise {
  if (item.responseDays !== undefined) return { amount: item.responseDays, unit: "days" };
  return { amount: item.responseHours ?? 24, unit: "hours" };
}

/** A change of promise as stored attributes: days are kept beside the hours; hours drop the days. */
export function promiseAttributes(input: { responseDays?: number; responseHours?: number }, fallback: { responseDays?: number } = {}) {
  const responseDays = input.responseDays ?? (input.responseHours === undefined ? fallback.responseDays : undefined);
  if (responseDays !== undefined) return { set: { responseDays }, remove: [] as "responseDays"[] };
  if (input.responseHours !== undefined) return { set: { responseHours: input.responseHours }, remove: ["responseDays"] as "responseDays"[] };
  return { set: {}, remove: [] as "responseDays"[] };
}
