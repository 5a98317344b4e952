import { z } from "zod";
import { withActor } from "../actor/index.ts";
import { Audit } from "../audit/index.ts";
import { db } from "../db/index.ts";
import { Log } from "../log/index.ts";
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
    people += await markPeople(email, reason, at);
  }
  Log.info("email feedback: addresses marked undeliverable", { reason, detail, addresses: unique.length, people });
  return { kind: reason, marked: unique.length, people };
}

/** Notes it on every member and contact who signs in with the address, once, with an audit event each. */
async function markPeople(email: string, reason: UndeliverableReason, at: string): Promise<number> {
  const logins = await db.collections.logins({ email }).go({ pages: "all" });
  const undeliverable = { reason, at };
  let marked = 0;
  for (const member of logins.data.member) {
    if (member.undeliverable?.reason === reason) continue;
    await withActor({ type: "system", agencyId: member.agencyId }, () =>
      db.transaction
        .write(({ member: members, ...tx }) => [
          members.patch({ agencyId: member.agencyId, memberId: member.memberId }).set({ undeliverable }).commit(),
          Audit.item(tx, Audit.event("member.undeliverable", "member", member.memberId, { reason })),
        ])
        .go(),
    );
    marked++;
  }
  for (const contact of logins.data.contact) {
    if (contact.undeliverable?.reason === reason) continue;
    await withActor({ type: "system", agencyId: contact.agencyId }, () =>
      db.transaction
        .write(({ contact: contacts, ...tx }) => [
          contacts.patch({ agencyId: contact.agencyId, contactId: contact.contactId }).set({ undeliverable }).commit(),
          Audit.item(tx, Audit.event("contact.undeliverable", "client", contact.clientId, { contactId: contact.contactId, reason })),
        ])
        .go(),
    );
    marked++;
  }
  return marked;
}

/** True when SES told us this address bounces for good or its owner complained. */
export async function isUndeliverable(address: string): Promise<boolean> {
  const found = await db.entities.undeliverable.get({ email: normal(address) }).go();
  return found.data !== null;
}

/**
 * Undoes `record` for one address, for the operator (scripts/email-deliverable.ts) once the person
 * confirms the address works again (a full mailbox that SES reported as gone, a complaint made in
 * error): Baton mails it again and the note leaves the person, with an audit event each.
 */
export async function clear(address: string): Promise<{ people: number }> {
  const email = normal(address);
  await db.entities.undeliverable.delete({ email }).go();
  const logins = await db.collections.logins({ email }).go({ pages: "all" });
  let people = 0;
  for (const member of logins.data.member.filter((m) => m.undeliverable)) {
    await withActor({ type: "system", agencyId: member.agencyId }, () =>
      db.transaction
        .write(({ member: members, ...tx }) => [
          members.patch({ agencyId: member.agencyId, memberId: member.memberId }).remove(["undeliverable"]).commit(),
          Audit.item(tx, Audit.event("member.deliverable", "member", member.memberId)),
        ])
        .go(),
    );
    people++;
  }
  for (const contact of logins.data.contact.filter((c) => c.undeliverable)) {
    await withActor({ type: "system", agencyId: contact.agencyId }, () =>
      db.transaction
        .write(({ contact: contacts, ...tx }) => [
          contacts.patch({ agencyId: contact.agencyId, contactId: contact.contactId }).remove(["undeliverable"]).commit(),
          Audit.item(tx, Audit.event("contact.deliverable", "client", contact.clientId, { contactId: contact.contactId })),
        ])
        .go(),
    );
    people++;
  }
  return { people };
}
