import { db } from "../db/index.ts";
import { conditionalWrite } from "../db/transaction.ts";
import { Email } from "../email/index.ts";
import { Notify } from "../notify/index.ts";
import type { NotifyBatchItem, UnreadItem } from "./entity.ts";
import { AgencyStore } from "../agency/store.ts";
import { Brand } from "../agency/brand/index.ts";

// The notification job (every minute on AWS, every NOTIFY_EVERY_SECONDS locally): each person
// owed an email about new messages gets one, listing every request with messages they haven't
// read and haven't been emailed about, in their language. A person who turned message emails
// off, or read everything meanwhile, gets none.

export async function sendDue(now = new Date()): Promise<{ sent: number; skipped: number }> {
  const due = await db.entities.notifyBatch.query.dueBatches({ queue: "notify" }).lte({ dueAt: now.toISOString() }).go({ pages: "all" });
  const outcome = { sent: 0, skipped: 0 };
  for (const batch of due.data) {
    try {
      if (!(await claim(batch))) continue;
      (await sendOne(batch)) ? outcome.sent++ : outcome.skipped++;
    } catch (error) {
      console.error("notify: a person's message email failed", error);
      outcome.skipped++;
    }
  }
  return outcome;
}

/** Only the run whose conditional delete succeeds sends (any other failure is thrown: the batch waits for the next run). */
function claim(batch: NotifyBatchItem): Promise<boolean> {
  return conditionalWrite(
    db.entities.notifyBatch
      .delete({ agencyId: batch.agencyId, personId: batch.personId })
      .where((attr, op) => op.eq(attr.dueAt, batch.dueAt))
      .go(),
  );
}

async function sendOne(batch: NotifyBatchItem): Promise<boolean> {
  const { agencyId, personId } = batch;
  const person = batch.personType === "member" ? await Notify.member(agencyId, personId) : await Notify.contact(agencyId, personId);
  if (!person || person.status === "removed" || person.messageEmails === false) return false;
  const unread = await db.entities.unread.query.unreadOfPerson({ agencyId, personId }).go({ pages: "all" });
  const fresh = unread.data.filter((item) => isFresh(item, batch.personType === "contact"));
  if (!fresh.length) return false;
  const agencyItem = await AgencyStore.load(agencyId);
  const brand = agencyItem ? Brand.emailBrandOf(agencyItem) : null;
  const agency = brand?.name ?? "";
  const link = (item: UnreadItem) =>
    batch.personType === "contact" ? `${Notify.links.portalRequest(item.requestId)}#thread` : `${Notify.links.webRequest(item.requestId)}#${item.lastThread === "internal" ? "internal" : "thread"}`;
  const email = Email.newMessages({
    locale: person.locale,
    agency,
    brand,
    items: fresh
      .sort((a, b) => (b.lastMessageAt ?? "").localeCompare(a.lastMessageAt ?? ""))
      .map((item) => ({
        reference: item.reference,
        title: item.title,
        count: (item.clientCount ?? 0) + (batch.personType === "contact" ? 0 : (item.internalCount ?? 0)),
        internal: batch.personType === "member" && item.lastThread === "internal",
        name: item.lastAuthorName ?? "",
        excerpt: item.lastExcerpt ?? "",
        url: link(item),
      })),
  });
  await Email.send(person.email, email);
  for (const item of fresh) {
    // False when it was read (deleted) meanwhile: nothing to remember.
    await conditionalWrite(
      db.entities.unread
        .patch({ agencyId, personId, requestId: item.requestId })
        .set({ emailedThrough: item.lastMessageAt! })
        .go(),
    );
  }
  return true;
}

/** Unread messages newer than the last email about them (a contact never counts internal notes). */
function isFresh(item: UnreadItem, contact: boolean): boolean {
  const count = (item.clientCount ?? 0) + (contact ? 0 : (item.internalCount ?? 0));
  if (!count || !item.lastMessageAt) return false;
  return !item.emailedThrough || item.lastMessageAt > item.emailedThrough;
}
