import { z } from "zod";
import { withActor } from "../actor/index.ts";
import { Audit } from "../audit/index.ts";
import { db } from "../db/index.ts";
import { Log } from "../log/index.ts";
import { MemberStore } from "../member/store.ts";
import { ContactStore } from "../contact/store.ts";
import { Metrics } from "../metrics/index.ts";
import type { UndeliverableReason } from "./undeliverable-entity.ts";

// SES feedback: the configuration set publishes bounces and complaints to an SNS topic
// (infra/email.ts) and a function hands each message here. A permanent bounce or a complaint
// makes the address undeliverable: Email.send stops mailing it, and every person who signs in
// with it (in any agency) shows it to their owner, with an audit event. Transient bounces (a full
// mailbox, a greylisting server) only count: SES retried them already and the next mail may pass.

const recipients = z.array(z.object({ emailAddress: z.string() }).loose());

/** SES's event-publishing record (`eventType`) or identity notification (`notificationType`). */
const sesEvent = z
  .object({
    eventType: z.string().optional(),
    notificationType: z.string().optional(),
    bounce: z
      .object({ bounceType: z.string(), bounceSubType: z.string().optional(), bouncedRecipients: recipients, feedbackId: z.string().optional(), timestamp: z.string().optional() })
      .loose()
      .optional(),
    complaint: z
      .object({
        complainedRecipients: recipients,
        complaintFeedbackType: z.string().optional(),
        feedbackId: z.string().optional(),
        timestamp: z.string().optional(),
      })
      .loose()
      .optional(),
  })
  .loose();

export type FeedbackOutcome = { kind: "bounce" | "complaint" | "ignored"; marked: number; people: number };

const normal = (address: string) => address.trim().toLowerCase();

/** Handles one SES event (the parsed JSON of an SNS message). */
export async function record(event: unknown, now = new Date()): Promise<FeedbackOutcome> {
  const parsed = sesEvent.safeParse(event);
  if (!parsed.success) {
    Log.warn("email feedback: not an SES event", { issues: parsed.error.issues.length });
    return { kind: "ignored", marked: 0, people: 0 };
  }
  const type = parsed.data.eventType ?? parsed.data.notificationType;
  const { bounce, complaint } = parsed.data;
  if (type === "Bounce" && bounce) {
    Metrics.count(Metrics.Names.emailFeedback, { Type: `Bounce.${bounce.bounceType}` });
    if (bounce.bounceType !== "Permanent") {
      Log.info("email feedback: transient bounce", { bounceType: bounce.bounceType, recipients: bounce.bouncedRecipients.length });
      return { kind: "bounce", marked: 0, people: 0 };
    }
    return mark("bounce", bounce.bouncedRecipients.map((r) => normal(r.emailAddress)), bounce.bounceSubType, bounce.feedbackId, bounce.timestamp ?? now.toISOString());
  }
  if (type === "Complaint" && complaint) {
    Metrics.count(Metrics.Names.emailFeedback, { Type: "Complaint" });
    // "not-spam" is a mailbox provider taking back an earlier complaint: nothing to stop.
    if (complaint.complaintFeedbackType === "not-spam") return { kind: "complaint", marked: 0, people: 0 };
    return mark("complaint", complaint.complainedRecipients.map((r) => normal(r.emailAddress)), complaint.complaintFeedbackType, complaint.feedbackId, complaint.timestamp ?? now.toISOString());
  }
  Log.info("email feedback: ignored event", { type: type ?? "unknown" });
  return { kind: "ignored", marked: 0, people: 0 };
}

async function mark(reason: UndeliverableReason, addresses: string[], detail: string | undefined, feedbackId: string | undefined, at: string): Promise<FeedbackOutcome> {
  let people = 0;
  const unique = [...new Set(addresses)].filter((address) => address.includes("@"));
  for (const email of unique) {
    await db.entities.undeliverable.upsert({ email, reason, at, ...(detail ? { detail } : {}), ...(feedbackId ? { feedbackId } : {}) }).go();
    people += await noteOnPeople(email, { reason, at });
  }
  Log.info("email feedback: addresses marked undeliverable", { reason, detail, addresses: unique.length, people });
  return { kind: reason, marked: unique.length, people };
}

type Note = { reason: UndeliverableReason; at: string };

/**
 * Writes the note (or with null, removes it) on every member and contact who signs in with the
 * address and doesn't have it yet, with an audit event each; how many people it changed.
 */
async function noteOnPeople(email: string, note: Note | null): Promise<number> {
  const logins = await db.collections.logins({ email }).go({ pages: "all" });
  const differs = (current: { reason: string } | undefined) => (note ? current?.reason !== note.reason : Boolean(current));
  const reason = note ? { reason: note.reason } : {};
  let changed = 0;
  for (const member of logins.data.member.filter((m) => differs(m.undeliverable))) {
    const { agencyId, memberId } = member;
    await withActor({ type: "system", agencyId }, () =>
      db.transaction
        .write((tx) => [
          MemberStore.undeliverableItem(tx, agencyId, memberId, note),
          Audit.item(tx, Audit.event(note ? "member.undeliverable" : "member.deliverable", "member", memberId, note ? reason : undefined)),
        ])
        .go(),
    );
    changed++;
  }
  for (const contact of logins.data.contact.filter((c) => differs(c.undeliverable))) {
    const { agencyId, contactId } = contact;
    await withActor({ type: "system", agencyId }, () =>
      db.transaction
        .write((tx) => [
          ContactStore.undeliverableItem(tx, agencyId, contactId, note),
          Audit.item(tx, Audit.event(note ? "contact.undeliverable" : "contact.deliverable", "client", contact.clientId, { contactId, ...reason })),
        ])
        .go(),
    );
    changed++;
  }
  return changed;
}

/** True when SES told us this address bounces for good or its owner complained. */
export async function isUndeliverable(address: string): Promise<boolean> {
  const found = await db.entities.undeliverable.get({ email: normal(address) }).go();
  return found.data !== null;
}

/** Which of `addresses` (as given) are undeliverable: one read for them all. */
export async function undeliverableAmong(addresses: readonly string[]): Promise<ReadonlySet<string>> {
  if (!addresses.length) return new Set();
  if (addresses.length === 1) return (await isUndeliverable(addresses[0]!)) ? new Set(addresses) : new Set();
  const keys = [...new Set(addresses.map(normal))].map((email) => ({ email }));
  const found = await db.entities.undeliverable.get(keys).go();
  const bad = new Set(found.data.map((item) => item.email));
  return new Set(addresses.filter((address) => bad.has(normal(address))));
}

/**
 * Undoes `record` for one address, for the operator (scripts/email-deliverable.ts) once the person
 * confirms the address works again (a full mailbox that SES reported as gone, a complaint made in
 * error): Baton mails it again and the note leaves the person, with an audit event each.
 */
export async function clear(address: string): Promise<{ people: number }> {
  const email = normal(address);
  await db.entities.undeliverable.delete({ email }).go();
  const people = await noteOnPeople(email, null);
  return { people };
}
