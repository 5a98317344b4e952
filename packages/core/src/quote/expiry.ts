import { addDays, todayIn } from "@baton/kernel/dates";
import { withActor } from "../actor/index.ts";
import { Audit } from "../audit/index.ts";
import { ClientStore } from "../client/store.ts";
import { db } from "../db/index.ts";
import { conditionalWrite, failedConditions } from "../db/transaction.ts";
import { Job } from "../job/index.ts";
import { Notify } from "../notify/index.ts";
import type { QuoteItem } from "./entity.ts";
import { quoteNumber, statusOf } from "./present.ts";
import { emailClient } from "./send.ts";

// The expiry job (every 15 minutes, per agency): a sent quote whose validity date has passed in
// the client's calendar is stored as expired and the agency's owners are told, each in their
// language; a quote whose last day is today or tomorrow reminds the client's people once (not
// when it was sent less than a day ago: they have just read it). Both are claimed by a
// conditional write first, so a doubled or late run emails nobody twice. Quotes are read from the
// quotesAwaiting index, which holds only sent quotes still waiting for an answer.

const DAY = 86_400_000;

export async function expireDueFor(agencyId: string, now = new Date()): Promise<{ expired: number; reminded: number; failed: number }> {
  // The earliest calendar on Earth is 14 hours ahead of UTC: nothing valid past UTC's day after
  // tomorrow can expire or be in its last two days anywhere.
  const horizon = addDays(now.toISOString().slice(0, 10), 2);
  const due = await db.entities.quote.query.quotesAwaiting({ agencyId, awaiting: "yes" }).lte({ validUntil: horizon }).go({ pages: "all" });
  const outcome = { expired: 0, reminded: 0, failed: 0 };
  const clients = new Map((await ClientStore.loadMany(agencyId, [...new Set(due.data.map((item) => item.clientId))])).map((client) => [client.clientId, client]));
  for (const item of due.data) {
    const timeZone = clients.get(item.clientId)?.timeZone ?? "UTC";
    const done = await Job.isolated("quote expiry", { agencyId, quoteId: item.quoteId }, () => withActor({ type: "system", agencyId }, () => one(item, timeZone, now)));
    if (done === Job.FAILED) outcome.failed++;
    else if (done) outcome[done]++;
  }
  return outcome;
}

async function one(item: QuoteItem, timeZone: string, now: Date): Promise<"expired" | "reminded" | null> {
  if (item.status !== "sent") return null;
  const today = todayIn(timeZone, now);
  if (statusOf(item, timeZone) === "expired" || item.validUntil < today) return (await expire(item, now)) ? "expired" : null;
  const lastDays = item.validUntil <= addDays(today, 1);
  const readLately = item.sentAt !== undefined && now.getTime() - Date.parse(item.sentAt) < DAY;
  if (!lastDays || readLately || item.remindedAt) return null;
  return (await remind(item, now)) ? "reminded" : null;
}

/** Stores "expired" (conditional on the version read and "sent": only one run wins), then tells the owners. */
async function expire(item: QuoteItem, now: Date): Promise<boolean> {
  const result = await db.transaction
    .write(({ quote, ...tx }) => [
      quote
        .patch({ agencyId: item.agencyId, quoteId: item.quoteId })
        .set({ status: "expired", awaiting: "no", validUntil: item.validUntil, expiredAt: now.toISOString() })
        .add({ version: 1 })
        .where((attr, op) => `${op.eq(attr.version, item.version)} AND ${op.eq(attr.status, "sent")}`)
        .commit(),
      Audit.item(tx, Audit.event("quote.expired", "quote", item.quoteId, { number: quoteNumber(item.number), validUntil: item.validUntil })),
    ])
    .go();
  if (failedConditions(result).length) return false;
  const [owners, client] = await Promise.all([Notify.owners(item.agencyId), ClientStore.load(item.agencyId, item.clientId)]);
  await Notify.send(
    item.agencyId,
    "quoteExpired",
    owners,
    (person) => ({ number: quoteNumber(item.number) ?? "", title: item.title, client: client?.name ?? "", until: day(person.locale, item.validUntil) }),
    Notify.links.webQuote(item.quoteId),
  );
  return true;
}

/** Claims the one reminder (remindedAt not yet set, still sent at the version read), then emails the client's people. */
async function remind(item: QuoteItem, now: Date): Promise<boolean> {
  const claimed = await conditionalWrite(
    db.entities.quote
      .patch({ agencyId: item.agencyId, quoteId: item.quoteId })
      .set({ remindedAt: now.toISOString() })
      .where((attr, op) => `${op.notExists(attr.remindedAt)} AND ${op.eq(attr.version, item.version)} AND ${op.eq(attr.status, "sent")}`)
      .go(),
  );
  if (!claimed) return false;
  await emailClient(item, "quoteExpiring");
  return true;
}

const day = (locale: string, date: string) => new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${date}T12:00:00Z`));
