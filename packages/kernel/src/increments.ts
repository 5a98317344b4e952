// How worked minutes become billed minutes: each time entry is rounded to a step (the exact
// minute, 6, 15 or 30 minutes), up or to the nearest step, and never bills less than a minimum.
// The client's rule if it has one, else the agency's, else the exact minute. No dependencies:
// the team app's invoice preview works amounts out with the same function.

export const INCREMENT_STEPS = [1, 6, 15, 30] as const;
export const INCREMENT_ROUNDINGS = ["up", "nearest"] as const;
/** The largest minimum per entry an agency may set. */
export const MAX_MINIMUM_MINUTES = 60;

export type IncrementStep = (typeof INCREMENT_STEPS)[number];
export type IncrementRounding = (typeof INCREMENT_ROUNDINGS)[number];
export type BillingIncrement = { step: IncrementStep; rounding: IncrementRounding; minimumMinutes: number };

/** Time billed as worked, to the minute: the rule of agencies and clients that set none. */
export const EXACT_MINUTE: BillingIncrement = { step: 1, rounding: "up", minimumMinutes: 0 };

/** The minutes an entry of `minutes` bills under `rule`. */
export function billedMinutes(minutes: number, rule: BillingIncrement): number {
  const steps = rule.rounding === "up" ? Math.ceil(minutes / rule.step) : Math.round(minutes / rule.step);
  return Math.max(rule.minimumMinutes, steps * rule.step);
}

/** Stored attributes (on an agency or a client) as a rule; none stored: undefined. */
export function incrementOf(item: { incrementStep?: number; incrementRounding?: string; incrementMinimum?: number } | null | undefined): BillingIncrement | undefined {
  const step = INCREMENT_STEPS.find((s) => s === item?.incrementStep);
  if (!step) return undefined;
  const rounding = INCREMENT_ROUNDINGS.find((r) => r === item?.incrementRounding) ?? "up";
  return { step, rounding, minimumMinutes: Math.min(MAX_MINIMUM_MINUTES, Math.max(0, item?.incrementMinimum ?? 0)) };
}
