import { z } from "zod";
import { actorRef, assertOwner, assertOwnerInPerson } from "../actor/index.ts";
import { AgencyStore } from "../agency/store.ts";
import { Audit } from "../audit/index.ts";
import { db } from "../db/index.ts";
import { notFound, VisibleError } from "../error/index.ts";
import { calendarDate } from "../fields/dates.ts";
import { currency, isCurrency } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
import { Money } from "../money/index.ts";
import { todayIn } from "@baton/kernel/dates";
import type { ExchangeRateItem } from "./entity.ts";

export * as Rates from "./index.ts";
export * from "./output.ts";

// The exchange rates the owner keeps, from each other currency to the agency's. Baton looks
// nothing up on the network: the owner enters a rate and the day it is from, edits or removes
// it. An invoice issued in another currency stamps the kept rate (or one the owner enters), and
// so does each payment on it (invoice/issue.ts, invoice/payment.ts); the money reports convert
// at the stamped rates (reports/).

export type ExchangeRate = {
  /** The other currency: 1 of it is `rate` of the agency's. */
  currency: string;
  /** An exact decimal string, such as "1.0842". */
  rate: string;
  /** The day the rate is from, in the agency's zone. */
  date: string;
  updatedAt: string;
};

export type ExchangeRates = { currency: string; rates: ExchangeRate[] };

/** The rate as an invoice or a payment keeps it: where it came from, to which currency. */
export type Stamp = { rate: string; to: string; date: string; source: "entered" | "kept" };

const fieldError = (field: string, message: string) =>
  new VisibleError("validation", "validation_failed", "Some fields need attention.", { fields: { [field]: message } });

const RATE_MESSAGES = {
  format: "Enter the rate as a number such as 1.0842 (up to 10 decimals).",
  zero: "The rate must be more than zero.",
  // Written out (Money.MIN_RATE): the Greek and Hindi catalogs are keyed by the sentence itself.
  small: "The rate is too small: enter at least 0.000001.",
  large: "The rate is too large: enter at most 1000000.",
} as const;

/** A rate as sent: a decimal string (or a JSON number, read as it is written), checked and normalized. */
export const rateField = z
  .union([z.string(), z.number()], { error: RATE_MESSAGES.format })
  .transform((value) => (typeof value === "number" ? String(value) : value).trim())
  .superRefine((value, context) => {
    if (value.startsWith("-")) return void context.addIssue({ code: "custom", message: RATE_MESSAGES.zero });
    const problem = Money.rateProblem(value);
    if (problem) context.addIssue({ code: "custom", message: RATE_MESSAGES[problem] });
  })
  .transform((value) => Money.normalizeRate(value)!);

function present(item: ExchangeRateItem): ExchangeRate {
  return { currency: item.currency, rate: item.rate, date: item.date, updatedAt: item.updatedAt };
}

async function agencyOf(agencyId: string) {
  const agency = await AgencyStore.load(agencyId);
  return { currency: agency?.currency ?? "USD", timeZone: agency?.timeZone ?? "UTC" };
}

async function all(agencyId: string): Promise<ExchangeRateItem[]> {
  return (await db.entities.exchangeRate.query.ratesOfAgency({ agencyId }).go({ pages: "all" })).data;
}

/** The owner's kept rates, by currency. */
export async function list(): Promise<ExchangeRates> {
  const agencyId = assertOwner();
  const [agency, items] = await Promise.all([agencyOf(agencyId), all(agencyId)]);
  return { currency: agency.currency, rates: items.map(present).sort((a, b) => a.currency.localeCompare(b.currency)) };
}

export const setSchema = z.strictObject({
  currency,
  rate: rateField,
  date: calendarDate.optional(),
});

/** Keeps (or replaces) the rate from a currency to the agency's; the day is today unless given. */
export const set = fn(setSchema, async (input): Promise<ExchangeRates> => {
  const agencyId = assertOwnerInPerson();
  const agency = await agencyOf(agencyId);
  if (input.currency === agency.currency) throw fieldError("currency", "Choose another currency than the agency's own.");
  const today = todayIn(agency.timeZone);
  if (input.date && input.date > today) throw fieldError("date", "The rate's date can't be in the future.");
  const date = input.date ?? today;
  await db.transaction
    .write(({ exchangeRate, ...tx }) => [
      exchangeRate.put({ agencyId, currency: input.currency, rate: input.rate, date, setBy: actorRef().id }).commit(),
      Audit.item(tx, Audit.event("agency.rate_set", "agency", agencyId, { currency: input.currency, rate: input.rate, date })),
    ])
    .go();
  return list();
});

// The currency comes from the path, so anything that is not a currency code is simply a rate
// the agency doesn't keep (404), like any other id, and never reaches DynamoDB as a key.
export const removeSchema = z.strictObject({ currency: z.string() });

/** Stops keeping a currency's rate; invoices already stamped keep theirs. */
export const remove = fn(removeSchema, async ({ currency: code }): Promise<ExchangeRates> => {
  const agencyId = assertOwnerInPerson();
  if (!isCurrency(code)) throw notFound("Exchange rate");
  const existing = (await db.entities.exchangeRate.get({ agencyId, currency: code }).go()).data;
  if (!existing) throw notFound("Exchange rate");
  await db.transaction
    .write(({ exchangeRate, ...tx }) => [
      exchangeRate.delete({ agencyId, currency: code }).commit(),
      Audit.item(tx, Audit.event("agency.rate_removed", "agency", agencyId, { currency: code })),
    ])
    .go();
  return list();
});

/**
 * The rate to stamp on an invoice or a payment in `from`: the one the owner entered, else the
 * kept one, else none (the invoice is then "not converted" in reports). An amount in the
 * agency's own currency needs no stamp.
 */
export async function stampFor(agencyId: string, from: string, entered?: string): Promise<Stamp | null> {
  const agency = await agencyOf(agencyId);
  if (from === agency.currency) return null;
  if (entered) return { rate: entered, to: agency.currency, date: todayIn(agency.timeZone), source: "entered" };
  const kept = (await db.entities.exchangeRate.get({ agencyId, currency: from }).go({ consistent: true })).data;
  return kept ? { rate: kept.rate, to: agency.currency, date: kept.date, source: "kept" } : null;
}
