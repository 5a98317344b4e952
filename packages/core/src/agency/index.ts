import { z } from "zod";
import { assertOwner, assertOwnerInPerson, useAgencyId, withActor } from "../actor/index.ts";
import { Audit } from "../audit/index.ts";
import { staleWrite } from "../db/conflict.ts";
import { MemberStore } from "../member/store.ts";
import { db } from "../db/index.ts";
import { Identity } from "../identity/index.ts";
import { failedConditions } from "../db/transaction.ts";
import { VisibleError, notFound } from "../error/index.ts";
import { billingIncrement, currency, detailLine, detailLines, email, incrementAttributes, isCalendarDate, personName, timeZone, version } from "../fields/index.ts";
import { Money, type BillingIncrement } from "../money/index.ts";
import { standardWeek, type WorkingWeek } from "../business-hours/index.ts";
import { fn } from "../fn/index.ts";
import { createId } from "../id/index.ts";
import { fileSettingsChanges, fileSettingsOf, fileSettingsSchema, type FileSettings } from "../file/settings.ts";
import type { AgencyItem } from "./entity.ts";
import { Uniqueness } from "../uniqueness/index.ts";

export * as Agency from "./index.ts";
// Output schemas: what this area's functions answer, as the OpenAPI document declares it.
export * from "./output.ts";

export type Agency = {
  id: string;
  name: string;
  timeZone: string;
  currency: string;
  /** How to pay without a card (bank transfer, Wise, PayPal), printed on invoices. */
  paymentInstructions: string | null;
  /** Days between NPS check-ins per client (feedback surveys). */
  npsEveryDays: number;
  /** At most one survey per contact within this many days. */
  surveyQuietDays: number;
  /** No NPS check-in for this many days after a client finishes onboarding (nor before its first completed request). */
  npsAfterOnboardingDays: number;
  /** When the agency works: response promises count only these hours (business-hours/). */
  workingWeek: WorkingWeek;
  /** Days off, "YYYY-MM-DD" in the agency's zone, sorted. */
  holidays: string[];
  /** Limits on files: largest file, quota, allowed kinds, how long deleted files are kept. */
  files: FileSettings;
  /** Subcontractors may write in a request's client thread (off: internal notes only). */
  subcontractorsWriteToClients: boolean;
  /** Subcontractors' time counts (retainers, invoices) only once the owner or a reviewer approves it; the owner's own is approved as logged. */
  timeNeedsApproval: boolean;
  /** How time is rounded on invoices for clients without a rule of their own. */
  billingIncrement: BillingIncrement;
  /** What invoices print about the agency: its legal name, address, tax id and registration. */
  invoiceDetails: InvoiceDetails;
  version: number;
};

export const NPS_EVERY_DAYS = 30;
export const MAX_HOLIDAYS = 100;

// "HH:MM" from 00:00 to 24:00 (a day may run to midnight); zero-padded, so strings compare as times.
const clock = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;
const minutesOfDay = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
export const SURVEY_QUIET_DAYS = 14;
export const NPS_AFTER_ONBOARDING_DAYS = 30;

/** The agency's working week; agencies that never set one work Monday–Friday 09:00–17:00. */
export function workingWeekOf(item: AgencyItem): WorkingWeek {
  return {
    days: item.workingDays ?? [...standardWeek.days],
    start: item.workingStart ?? standardWeek.start,
    end: item.workingEnd ?? standardWeek.end,
  };
}

/** The working week with the agency's holidays: what response promises and other agency-level business hours count. */
export function calendarOf(item: AgencyItem | null | undefined): WorkingWeek {
  if (!item) return standardWeek;
  return { ...workingWeekOf(item), holidays: [...(item.holidays ?? [])] };
}

export type InvoiceDetails = { legalName: string | null; address: string | null; taxId: string | null; registration: string | null };

const DETAIL_ATTRIBUTES = { legalName: "legalName", address: "legalAddress", taxId: "taxId", registration: "registrationText" } as const;

export function present(item: AgencyItem): Agency {
  return {
    id: item.agencyId,
    name: item.name,
    timeZone: item.timeZone,
    currency: item.currency,
    paymentInstructions: item.paymentInstructions ?? null,
    // Agencies created before surveys existed have neither: the defaults apply.
    npsEveryDays: item.npsEveryDays ?? NPS_EVERY_DAYS,
    surveyQuietDays: item.surveyQuietDays ?? SURVEY_QUIET_DAYS,
    npsAfterOnboardingDays: item.npsAfterOnboardingDays ?? NPS_AFTER_ONBOARDING_DAYS,
    workingWeek: workingWeekOf(item),
    holidays: [...(item.holidays ?? [])].sort(),
    files: fileSettingsOf(item),
    subcontractorsWriteToClients: item.subcontractorsWriteToClients ?? false,
    timeNeedsApproval: item.timeNeedsApproval ?? true,
    billingIncrement: Money.incrementOf(item) ?? Money.EXACT_MINUTE,
    invoiceDetails: { legalName: item.legalName ?? null, address: item.legalAddress ?? null, taxId: item.taxId ?? null, registration: item.registrationText ?? null },
    version: item.version,
  };
}

export const updateSchema = z.strictObject({
  version,
  name: z.string().trim().min(1, "Enter the agency's name.").max(120, "Keep the name under 120 characters.").optional(),
  paymentInstructions: z.string().trim().max(2000, "Keep the instructions under 2,000 characters.").nullable().optional(),
  npsEveryDays: z
    .number({ error: "Enter a number of days." })
    .int("Enter a whole number of days.")
    .min(7, "Check in at most once a week (7 days).")
    .max(365, "Check in at least once a year (365 days).")
    .optional(),
  surveyQuietDays: z
    .number({ error: "Enter a number of days." })
    .int("Enter a whole number of days.")
    .min(0, "The number of days cannot be negative.")
    .max(365, "Keep it under a year (365 days).")
    .optional(),
  npsAfterOnboardingDays: z
    .number({ error: "Enter a number of days." })
    .int("Enter a whole number of days.")
    .min(0, "The number of days cannot be negative.")
    .max(365, "Keep it under a year (365 days).")
    .optional(),
  workingWeek: z
    .strictObject({
      days: z
        .array(z.number({ error: "Choose working days." }).int("Choose working days.").min(1, "Choose working days.").max(7, "Choose working days."), {
          error: "Choose working days.",
        })
        .min(1, "Choose at least one working day.")
        .refine((days) => new Set(days).size === days.length, "Choose each working day only once."),
      start: z.string({ error: "Enter a time such as 09:00." }).regex(clock, "Enter a time such as 09:00."),
      end: z.string({ error: "Enter a time such as 17:00." }).regex(clock, "Enter a time such as 17:00."),
    })
    // At least an hour a day: every response promise (up to 240 working hours) then falls due
    // within a few years, so counting it always ends.
    .refine((week) => !clock.test(week.start) || !clock.test(week.end) || minutesOfDay(week.end) - minutesOfDay(week.start) >= 60, {
      message: "The working day must end at least an hour after it starts.",
      path: ["end"],
    })
    .optional(),
  holidays: z
    .array(z.string({ error: "Enter dates such as 2026-12-25." }), { error: "Enter dates such as 2026-12-25." })
    .max(MAX_HOLIDAYS, `Keep the list to ${MAX_HOLIDAYS} days.`)
    .superRefine((days, context) => {
      const wrong = days.find((day) => !isCalendarDate(day));
      if (wrong !== undefined) context.addIssue({ code: "custom", message: `"${wrong.slice(0, 20)}" is not a date such as 2026-12-25.` });
    })
    .optional(),
  files: fileSettingsSchema.optional(),
  subcontractorsWriteToClients: z.boolean({ error: "Choose on or off." }).optional(),
  timeNeedsApproval: z.boolean({ error: "Choose on or off." }).optional(),
  billingIncrement: billingIncrement.optional(),
  invoiceDetails: z
    .strictObject({
      legalName: detailLine(200, "Keep the legal name under 200 characters."),
      address: detailLines(500, "Keep the address under 500 characters."),
      taxId: detailLine(50, "Keep the tax id under 50 characters."),
      registration: detailLine(300, "Keep the registration under 300 characters."),
    })
    .optional(),
});

/** The owner's agency settings: its name, how clients pay without a card, how often clients are surveyed, when it works. */
export const update = fn(updateSchema, async ({ version: expected, paymentInstructions, workingWeek, holidays, files, billingIncrement: increment, invoiceDetails, ...rest }): Promise<Agency> => {
  // In person only: an API key must never be able to redirect the clients' payments.
  const agencyId = assertOwnerInPerson();
  const clear = paymentInstructions === null || paymentInstructions === "";
  const changes = {
    ...rest,
    ...(workingWeek ? { workingDays: [...workingWeek.days].sort(), workingStart: workingWeek.start, workingEnd: workingWeek.end } : {}),
    ...(holidays ? { holidays: [...new Set(holidays)].sort() } : {}),
    ...(files ? fileSettingsChanges(files) : {}),
    ...(increment ? incrementAttributes(increment) : {}),
  };
  // Legal details: a value sets, "" or null clears.
  const details = Object.entries(invoiceDetails ?? {}) as [keyof typeof DETAIL_ATTRIBUTES, string | null | undefined][];
  const setDetails = Object.fromEntries(details.filter(([, value]) => value).map(([key, value]) => [DETAIL_ATTRIBUTES[key], value]));
  const clearDetails = details.filter(([, value]) => value === null || value === "").map(([key]) => DETAIL_ATTRIBUTES[key]);
  const result = await db.transaction
    .write(({ agency, ...tx }) => [
      agency
        .patch({ agencyId })
        .set({ ...changes, ...setDetails, ...(paymentInstructions && !clear ? { paymentInstructions } : {}) })
        .remove([...(clear ? (["paymentInstructions"] as const) : []), ...clearDetails])
        .add({ version: 1 })
        .where((attr, op) => op.eq(attr.version, expected))
        .commit(),
      Audit.item(tx, Audit.event("agency.updated", "agency", agencyId, { fields: Object.keys({ ...changes, ...(invoiceDetails ? { invoiceDetails } : {}), ...(paymentInstructions !== undefined ? { paymentInstructions } : {}) }) })),
    ])
    .go();
  const current = (await db.entities.agency.get({ agencyId }).go({ consistent: true })).data;
  if (failedConditions(result).length) throw staleWrite("Agency", current && present(current));
  return present(current!);
});

export const createSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  timeZone,
  currency,
  owner: z.strictObject({ email, name: personName, timeZone }),
});

/**
 * Creates an agency with its owner, who can sign in at once. Not reachable over HTTP: run by the
 * local demo seed and by `npm run create-agency` after a deploy.
 */
export const create = fn(createSchema, async (input): Promise<{ agencyId: string; ownerId: string }> => {
  const agencyId = createId("agency");
  const ownerId = createId("member");
  return withActor({ type: "system", agencyId }, async () => {
    const result = await db.transaction
      .write(({ agency, ...tx }) => [
        agency.create({ agencyId, name: input.name, timeZone: input.timeZone, currency: input.currency }).commit(),
        MemberStore.createItem(tx, {
          agencyId,
          memberId: ownerId,
          role: "owner",
          status: "active",
          email: input.owner.email,
          name: input.owner.name,
          timeZone: input.owner.timeZone,
          weeklyCapacityHours: 40,
        }),
        Uniqueness.claimItem(tx, { agencyId, scope: "login-email", value: input.owner.email, ownerId }),
        Audit.item(tx, Audit.event("agency.created", "agency", agencyId, { name: input.name })),
      ])
      .go();
    if (failedConditions(result).length) {
      throw new VisibleError("conflict", "agency.exists", "The agency could not be created; try again.");
    }
    return { agencyId, ownerId };
  });
});

/** The agency of whoever is acting. */
export async function current(): Promise<Agency> {
  const item = await Identity.agency(useAgencyId());
  if (!item) throw notFound("Agency");
  return present(item);
}
