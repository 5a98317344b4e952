import { createHash } from "node:crypto";
import { monthOf } from "@baton/kernel/dates";
import { z } from "zod";
import { assertContact, withActor } from "../actor/index.ts";
import { Audit } from "../audit/index.ts";
import { AgencyStore } from "../agency/store.ts";
import { billingOf } from "../client/index.ts";
import type { ClientItem } from "../client/entity.ts";
import { ClientStore } from "../client/store.ts";
import { ContactStore } from "../contact/store.ts";
import type { Locale } from "../email/index.ts";
import { message } from "../email/messages.ts";
import { notFound, VisibleError } from "../error/index.ts";
import { fn } from "../fn/index.ts";
import { AlertsStore } from "./alerts-store.ts";
import { keys } from "./ledger.ts";
import { hoursText, monthName, overageFor, usageOf, type Usage } from "./overage.ts";
import { HourBankStore } from "./store.ts";
import { readConsent, type ConsentToken } from "./consent-link.ts";

// Overage consent: a client under the "ask" policy approves up to N more hours of the open
// period, from the signed link in the 100 % email (no sign-in: the link is the credential) or
// from the portal's Hours page. Each consent is kept as evidence like the agreement (the text
// shown, the typed name, time, IP, SHA-256) and written with its `adjusted` ledger entry in one
// transaction, conditional on a new consent id and an open period: a link used twice, or two
// approvals racing, write one entry.

export { consentUrl, LINK_DAYS, readConsent, signConsent, type ConsentToken } from "./consent-link.ts";

const invalidLink = () => new VisibleError("not_found", "hour_bank.consent_not_found", "This link to approve more hours is not valid. Please use the link from your email as it is.");
const expiredLink = () => new VisibleError("gone", "hour_bank.consent_expired", "This link to approve more hours has expired. You can approve more hours on the Hours page of your portal.");
const periodOver = () => new VisibleError("gone", "hour_bank.period_over", "The month this link was for is over. You can approve more hours on the Hours page of your portal.");
const usedLink = () => new VisibleError("conflict", "hour_bank.consent_used", "More hours were already approved with this link.");
const notAsking = () => new VisibleError("conflict", "hour_bank.not_asking", "The agency does not ask before working beyond your hours, so there is nothing to approve.");

export type ConsentPage = {
  agency: string;
  client: string;
  period: string;
  availableMinutes: number;
  usedMinutes: number;
  maxMinutes: number;
  /** The statement the name is typed under, for the most hours (the one kept is for the hours chosen). */
  text: string;
};

const statement = (locale: Locale, client: string, agency: string, period: string, minutes: number) =>
  message(locale, "hourBank.consent.text", { client, agency, month: monthName(period, locale), hours: hoursText(minutes, locale) });

type Context = { client: ClientItem; agency: string; period: string; usage: Usage; maxMinutes: number };

async function contextOf(agencyId: string, clientId: string, period: string | null, now: Date): Promise<Context> {
  const [client, agencyItem] = await Promise.all([ClientStore.load(agencyId, clientId), AgencyStore.load(agencyId)]);
  if (!client || !agencyItem) throw invalidLink();
  const current = monthOf(now, client.timeZone);
  if (period !== null && period !== current) throw periodOver();
  const { overage } = await overageFor(agencyId, clientId);
  if (overage.mode !== "ask" || !billingOf(client).retainer) throw notAsking();
  const entries = await HourBankStore.entriesOf(agencyId, clientId);
  return { client, agency: agencyItem.brandName ?? agencyItem.name, period: current, usage: usageOf(entries, current), maxMinutes: overage.askMinutes };
}

async function byLink(token: string, now: Date): Promise<{ read: ConsentToken; context: Context }> {
  const read = readConsent(token);
  if (!read) throw invalidLink();
  if (read.expiresAt.getTime() <= now.getTime()) throw expiredLink();
  const taken = await AlertsStore.consentsOf(read.agencyId, read.clientId);
  if (taken.some((consent) => consent.consentId === read.nonce)) throw usedLink();
  return { read, context: await contextOf(read.agencyId, read.clientId, read.period, now) };
}

const pageOf = (context: Context, locale: Locale): ConsentPage => ({
  agency: context.agency,
  client: context.client.name,
  period: context.period,
  availableMinutes: context.usage.availableMinutes,
  usedMinutes: context.usage.usedMinutes,
  maxMinutes: context.maxMinutes,
  text: statement(locale, context.client.name, context.agency, context.period, context.maxMinutes),
});

const localeSchema = z.enum(["en", "el", "hi"], { error: "Choose English, Greek or Hindi." }).default("en");

export const linkPageSchema = z.strictObject({ locale: localeSchema });

/** The page behind a link. Reading records nothing (mail scanners follow links). */
export async function linkPage(token: string, locale: Locale = "en", now = new Date()): Promise<ConsentPage> {
  const { context } = await byLink(token, now);
  return pageOf(context, locale);
}

const approval = {
  fullName: z.string({ error: "Type your full name." }).trim().min(2, "Type your full name (at least 2 characters).").max(120, "Keep the name under 120 characters."),
  minutes: z.number({ error: "Enter the hours you approve." }).int("Enter whole minutes.").min(1, "Approve at least a minute.").max(744 * 60, "Approve at most 744 hours at once."),
  locale: localeSchema,
};

export const approveByLinkSchema = z.strictObject({ token: z.string({ error: "The link's token is missing." }).max(300, "This link to approve more hours is not valid."), ...approval });
export const approveSchema = z.strictObject({
  ...approval,
  availableMinutes: z.number({ error: "Send the month's hours as you were shown them." }).int("Send the month's hours as you were shown them.").min(0, "Send the month's hours as you were shown them."),
});

export type ConsentResult = { consentId: string; period: string; minutes: number; fullName: string; at: string; sha256: string; availableMinutes: number; usedMinutes: number };

async function record(context: Context, input: { fullName: string; minutes: number; locale: Locale }, consentId: string, via: "link" | "portal", ip: string | undefined, contactId: string | undefined, onTaken: () => VisibleError): Promise<ConsentResult> {
  const { client, period } = context;
  if (input.minutes > context.maxMinutes) {
    const most = hoursText(context.maxMinutes, "en");
    const text = `Approve at most ${most} hours at once.`;
    throw new VisibleError("validation", "validation_failed", "Some fields need attention.", { fields: { minutes: text } });
  }
  const text = statement(input.locale, client.name, context.agency, period, input.minutes);
  const sha256 = createHash("sha256").update(text, "utf8").digest("hex");
  const at = new Date().toISOString();
  const outcome = await AlertsStore.recordConsent(
    client.agencyId,
    client.clientId,
    { consentId, period, minutes: input.minutes, via, fullName: input.fullName, text, sha256, locale: input.locale, ...(ip ? { ip } : {}), ...(contactId ? { contactId } : {}) },
    { key: keys.adjusted(period, `consent-${consentId}`), period, kind: "adjusted", minutes: input.minutes, origin: period, reason: `overage approved by ${input.fullName}` },
    keys.closed(period),
  );
  if (outcome === "closed") throw periodOver();
  if (outcome === "taken") throw onTaken();
  await withActor({ type: "system", agencyId: client.agencyId }, () =>
    Audit.record({ ...Audit.event("hourBank.overageApproved", "client", client.clientId, { consentId, period, minutes: input.minutes, fullName: input.fullName, via, sha256 }), actorType: "contact", actorId: contactId ?? input.fullName }),
  );
  const usage = usageOf(await HourBankStore.entriesOf(client.agencyId, client.clientId), period);
  return { consentId, period, minutes: input.minutes, fullName: input.fullName, at, sha256, availableMinutes: usage.availableMinutes, usedMinutes: usage.usedMinutes };
}

/** Approves more hours with the emailed link: once per link (409 after), before it expires (410), while its month is open. */
export const approveByLink = fn(approveByLinkSchema, async (input, ip?: string, now: Date = new Date()): Promise<ConsentResult> => {
  const { read, context } = await byLink(input.token, now);
  return record(context, input, read.nonce, "link", ip, undefined, usedLink);
});

/**
 * Approves more hours from the portal, signed in, against the month's hours the contact was shown
 * (`availableMinutes`, which only grows within a month): the consent's id is made of them, so two
 * approvals sent from the same page at once take the same id and only one is written, and one
 * sent from a page shown before another approval answers 409 to be looked at again.
 */
export const approve = fn(approveSchema, async (input, ip?: string, now: Date = new Date()): Promise<ConsentResult> => {
  const actor = assertContact();
  const context = await contextOf(actor.agencyId, actor.clientId, null, now);
  const contact = await ContactStore.load(actor.agencyId, actor.contactId);
  if (!contact) throw notFound("Contact");
  const raced = () => new VisibleError("conflict", "hour_bank.consent_raced", "More hours were just approved by someone else. Check the Hours page before approving more.");
  if (input.availableMinutes !== context.usage.availableMinutes) throw raced();
  const consentId = `${context.period.replace("-", "")}a${input.availableMinutes}`;
  return record(context, input, consentId, "portal", ip, actor.contactId, raced);
});
