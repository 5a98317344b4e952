import { z } from "zod";
import { AlertsStore, type Overage } from "./alerts-store.ts";

// What happens once a period's hours are used up (alerts-entity.ts: bill, ask, pause), the
// agency's default or a client's own, and where the open period stands against it.

export type { Overage } from "./alerts-store.ts";
export type OverageSource = "client" | "agency" | "default";

/** The behaviour before this policy existed: keep working, bill the overage at the client's rate. */
export const BILL: Overage = { mode: "bill" };

/**
 * The rule that applies to a client, where it comes from, and the agency's own rule (what a client
 * without a rule of its own would follow). Both are read at once.
 */
export async function overageFor(agencyId: string, clientId: string): Promise<{ overage: Overage; source: OverageSource; agencyOverage: Overage }> {
  const [own, agency] = await Promise.all([AlertsStore.overageOf(agencyId, clientId), AlertsStore.overageOf(agencyId, "agency")]);
  const agencyOverage = agency ?? BILL;
  if (own) return { overage: own, source: "client", agencyOverage };
  return { overage: agencyOverage, source: agency ? "agency" : "default", agencyOverage };
}

/** Hours as the reader writes them: "7.5", "7,5". */
export const hoursText = (minutes: number, locale: string) => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(minutes / 60);

/** A period as its reader says it: "December 2026", "Δεκέμβριος 2026". */
export function monthName(period: string, locale: string): string {
  const [year, month] = period.split("-").map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(year, month - 1, 15)));
}

export type Usage = { availableMinutes: number; usedMinutes: number; headroomMinutes: number };

/**
 * A period's hours against its use: what it holds (included, rolled in, added) and what was used
 * or taken away. Pure: the alerts, the consent and the views read the same numbers.
 */
export function usageOf(entries: ReadonlyArray<{ period: string; kind: string; minutes: number }>, period: string): Usage {
  let availableMinutes = 0;
  let usedMinutes = 0;
  for (const entry of entries) {
    if (entry.period !== period || entry.kind === "closed") continue;
    if (entry.minutes > 0) availableMinutes += entry.minutes;
    else usedMinutes -= entry.minutes;
  }
  return { availableMinutes, usedMinutes, headroomMinutes: Math.max(0, availableMinutes - usedMinutes) };
}

/**
 * Where work stands for a client: "ok"; "askFirst" (policy ask, no hours left: the client must
 * approve more before work goes on); "paused" (policy pause, no hours left: new requests wait).
 */
export function overageStateOf(overage: Overage, usage: Usage, retainer: boolean): "ok" | "askFirst" | "paused" {
  if (!retainer || usage.headroomMinutes > 0) return "ok";
  if (overage.mode === "ask") return "askFirst";
  if (overage.mode === "pause") return "paused";
  return "ok";
}

const MAX_ASK_MINUTES = 744 * 60;

export const overageSchema = z.discriminatedUnion(
  "mode",
  [
    z.strictObject({ mode: z.literal("bill") }),
    z.strictObject({
      mode: z.literal("ask"),
      askMinutes: z
        .number({ error: "Enter the hours the client may approve at once." })
        .int("Enter whole minutes.")
        .min(15, "Let the client approve at least 15 minutes.")
        .max(MAX_ASK_MINUTES, "Let the client approve at most 744 hours."),
    }),
    z.strictObject({ mode: z.literal("pause") }),
  ],
  { error: "Choose bill, ask first, or pause." },
);
export const clientOverageSchema = z.strictObject({ overage: overageSchema.nullable() });

/** What the hour bank's views add: the overage policy, and where the open period stands against it. */
export async function overageView(agencyId: string, clientId: string, entries: ReadonlyArray<{ period: string; kind: string; minutes: number }>, period: string | null) {
  const { overage, source, agencyOverage } = await overageFor(agencyId, clientId);
  const usage = period ? usageOf(entries, period) : { availableMinutes: 0, usedMinutes: 0, headroomMinutes: 0 };
  return { overage, overageSource: source, agencyOverage, usage, overageState: overageStateOf(overage, usage, period !== null) };
}
