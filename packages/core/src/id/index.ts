import { ulid } from "ulid";

// Prefixed, time-sortable ids: the prefix tells a reader what an id points at.
export const IdPrefixes = {
  agency: "agy",
  member: "mem",
  client: "cli",
  contact: "con",
  audit: "evt",
  request: "req",
  task: "tsk",
  sop: "sop",
  message: "msg",
  apiKey: "key",
  time: "tim",
  invoice: "inv",
  payment: "pay",
  creditNote: "crn",
  refund: "rfd",
  servicePackage: "pkg",
  survey: "srv",
  file: "fil",
  quote: "quo",
  payout: "pyo",
  schedule: "sch",
  webhookEndpoint: "whk",
  webhookEvent: "whe",
  webhookDelivery: "dlv",
  vaultEntry: "vlt",
  vaultAccess: "vac",
  vaultAccessRequest: "var",
} as const;

export type IdKind = keyof typeof IdPrefixes;

export function createId(kind: IdKind): string {
  return `${IdPrefixes[kind]}_${ulid().toLowerCase()}`;
}

const ID_SHAPE = /^[a-z]{3}_[0-9a-hjkmnp-tv-z]{26}$/;

/** True when `value` looks like an id of this kind (no database read). */
export function isId(kind: IdKind, value: string): boolean {
  return value.startsWith(`${IdPrefixes[kind]}_`) && ID_SHAPE.test(value);
}
