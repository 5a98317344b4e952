import { Money } from "@baton/ui/money";

// The new-invoice preview works amounts out the way the core will (packages/core/src/invoice):
// one time line per task, package and custom lines (or, on a deposit invoice, one line for the
// deposit's share of them), less any deposits taken off, then tax on what remains.

/** A line as the API will make it; `amount` is undefined while what it comes from doesn't parse. */
export type PreviewLine = { kind: "time" | "package" | "custom" | "deposit"; description: string; amount: number | undefined };

export type PreviewTotals = { subtotal: number; tax: number; total: number } | { incomplete: true } | { negative: true; subtotal: number };

/** `basisPoints` of `amount`, rounded half up as the core does; undefined when either is unknown or too large. */
export function share(amount: number | undefined, basisPoints: number | undefined): number | undefined {
  if (amount === undefined || basisPoints === undefined || amount < 0) return undefined;
  return Number.isSafeInteger(amount * basisPoints * 2 + 10_000) ? Money.percentOf(amount, basisPoints) : undefined;
}

/** The sum of `amounts`, or undefined if any is unknown. */
export function sum(amounts: (number | undefined)[]): number | undefined {
  let total = 0;
  for (const amount of amounts) {
    if (amount === undefined) return undefined;
    total += amount;
  }
  return total;
}

type Entry = { minutes: number; label: string; task?: { id: string } | null };

/** The minutes time entries bill: each rounded by the billing increment, as the core does. */
export function billedMinutes(entries: Entry[], increment: Money.BillingIncrement): number {
  return entries.reduce((total, entry) => total + Money.billedMinutes(entry.minutes, increment), 0);
}

/** What time entries bill at `rate`: one line per task of rounded entries, each line rounded to the minor unit. */
export function timeAmount(entries: Entry[], rate: number, increment: Money.BillingIncrement): number {
  const perTask = new Map<string, number>();
  for (const entry of entries) {
    const key = entry.task?.id ?? entry.label;
    perTask.set(key, (perTask.get(key) ?? 0) + Money.billedMinutes(entry.minutes, increment));
  }
  return [...perTask.values()].reduce((total, minutes) => total + Money.forMinutes(minutes, rate), 0);
}

/** Subtotal, tax on it (after deposits taken off) and total, as the core works them out. */
export function totalsOf(lines: PreviewLine[], taxRate: number): PreviewTotals {
  const subtotal = sum(lines.map((line) => line.amount));
  if (subtotal === undefined) return { incomplete: true };
  if (subtotal < 0) return { negative: true, subtotal };
  const tax = share(subtotal, taxRate);
  return tax === undefined ? { incomplete: true } : { subtotal, tax, total: subtotal + tax };
}
