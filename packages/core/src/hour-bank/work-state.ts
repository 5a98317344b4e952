import { monthOf } from "@baton/kernel/dates";
import type { ClientItem } from "../client/entity.ts";
import { overageFor, overageStateOf, usageOf } from "./overage.ts";
import { HourBankStore } from "./store.ts";

// Where new work stands for a client right now, for the areas that show or act on it (triage
// holds a paused client's new requests, the board and task pages badge an "ask first" client's
// tasks): the client's overage rule against its open period's hours. Read only: it never opens
// or settles a bank (a month nobody opened yet counts with its included hours, as it will open).

export type WorkState = "ok" | "askFirst" | "paused";

/** One client's state now: "ok" without a retainer, under the bill rule, or while hours are left. */
export async function workStateOf(client: Pick<ClientItem, "agencyId" | "clientId" | "timeZone" | "retainerFee" | "retainerMinutes">, now = new Date()): Promise<WorkState> {
  if (client.retainerFee === undefined || client.retainerMinutes === undefined) return "ok";
  const { overage } = await overageFor(client.agencyId, client.clientId);
  if (overage.mode === "bill") return "ok";
  const period = monthOf(now, client.timeZone);
  const entries: Array<{ period: string; kind: string; minutes: number }> = await HourBankStore.entriesOf(client.agencyId, client.clientId);
  const opened = entries.some((entry) => entry.period === period && entry.kind === "included");
  const counted = opened ? entries : [...entries, { period, kind: "included", minutes: client.retainerMinutes }];
  return overageStateOf(overage, usageOf(counted, period), true);
}

/** Several clients' states at once, by client id (those not "ok" only: a missing id is "ok"). */
export async function workStatesOf(clients: ReadonlyArray<Parameters<typeof workStateOf>[0]>, now = new Date()): Promise<Map<string, Exclude<WorkState, "ok">>> {
  const states = await Promise.all(clients.map(async (client) => [client.clientId, await workStateOf(client, now)] as const));
  return new Map(states.filter((entry): entry is readonly [string, Exclude<WorkState, "ok">] => entry[1] !== "ok"));
}
