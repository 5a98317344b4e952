import { Audit } from "../audit/index.ts";
import { issueLink } from "../auth/index.ts";
import { Brand } from "../agency/brand/index.ts";
import { db } from "../db/index.ts";
import { failedConditions } from "../db/transaction.ts";
import { Email } from "../email/index.ts";
import { VisibleError } from "../error/index.ts";
import { createId, isId } from "../id/index.ts";
import { Identity } from "../identity/index.ts";
import { Uniqueness } from "../uniqueness/index.ts";
import type { ContactItem } from "./entity.ts";
import type { ContactRole } from "./policy.ts";

// The contact area's writes, whoever asks (the owner on a client's page, a client admin in the
// portal): each caller checks the right first, these apply the change, audited in the same
// transaction.

/** One contact read strongly (a write's answer shows it), or null (also for a malformed id). */
export async function load(agencyId: string, contactId: string): Promise<ContactItem | null> {
  if (!isId("contact", contactId)) return null;
  return (await db.entities.contact.get({ agencyId, contactId }).go({ consistent: true })).data;
}

export type NewContact = {
  email: string;
  name: string;
  timeZone: string;
  locale?: ContactItem["locale"];
  role?: ContactRole;
  receivesInvoices?: boolean;
};

/** Adds a person at the client (their email claimed in the agency) and emails them an invitation to the portal. */
export async function add(agencyId: string, clientId: string, input: NewContact, existsMessage: string): Promise<ContactItem> {
  const contactId = createId("contact");
  const result = await db.transaction
    .write(({ contact, ...tx }) => [
      Uniqueness.claimItem(tx, { agencyId, scope: "login-email", value: input.email, ownerId: contactId }),
      contact.create({ agencyId, clientId, contactId, status: "invited", ...input }).commit(),
      Audit.item(tx, Audit.event("contact.invited", "client", clientId, { contactId, email: input.email, ...(input.role ? { role: input.role } : {}) })),
    ])
    .go();
  if (failedConditions(result).includes(0)) {
    throw new VisibleError("conflict", "contact.exists", existsMessage, { fields: { email: existsMessage } });
  }
  const contact = (await load(agencyId, contactId))!;
  await sendInvitation(contact);
  return contact;
}

/** The invitation email, in the invitee's language, with a link into the portal. */
export async function sendInvitation(contact: ContactItem) {
  const [agency, url] = await Promise.all([
    Identity.agency(contact.agencyId),
    issueLink({ agencyId: contact.agencyId, type: "contact", id: contact.contactId }, "invitation"),
  ]);
  const brand = agency ? Brand.emailBrandOf(agency) : null;
  // Kept in the outbox and sent after the response (no SES in the request).
  await Email.later([
    { to: contact.email, email: Email.invitation({ locale: contact.locale, kind: "contact", agency: brand?.name ?? "", name: contact.name, url, brand }) },
  ]);
}

export type Access = "deactivate" | "reactivate" | "remove";

const accessChanges: Record<Access, { from: ContactItem["status"][]; to: ContactItem["status"]; audit: string; message: string }> = {
  deactivate: { from: ["invited", "active"], to: "deactivated", audit: "contact.deactivated", message: "Only a current contact can be deactivated." },
  reactivate: { from: ["deactivated"], to: "active", audit: "contact.reactivated", message: "Only a deactivated contact can be reactivated." },
  remove: { from: ["invited", "active", "deactivated"], to: "removed", audit: "contact.removed", message: "This contact was already removed." },
};

/**
 * Changes a contact's access to the portal. Deactivating or removing ends every session they have
 * (their session version moves on), stops their calendar feed and their sign-in links; removing
 * also frees their email. A reactivated contact signs in again by a new link.
 */
export async function changeAccess(change: Access, existing: ContactItem): Promise<ContactItem> {
  const { agencyId, clientId, contactId } = existing;
  const rule = accessChanges[change];
  if (!rule.from.includes(existing.status)) throw new VisibleError("rule", `contact.${change}`, rule.message);
  // An invited contact reactivated would have no invitation left: they are active and sign in by link.
  const result = await db.transaction
    .write(({ contact, ...tx }) => [
      contact
        .patch({ agencyId, contactId })
        .set({ status: rule.to })
        .add({ version: 1, ...(change === "reactivate" ? {} : { sessionVersion: 1 }) })
        .where((attr, op) => op.eq(attr.version, existing.version))
        .commit(),
      ...(change === "remove" ? [Uniqueness.releaseItem(tx, { agencyId, scope: "login-email", value: existing.email })] : []),
      Audit.item(tx, Audit.event(rule.audit, "client", clientId, { contactId, email: existing.email })),
    ])
    .go();
  if (failedConditions(result).length) {
    throw new VisibleError("conflict", "conflict", "This contact was changed at the same moment. Please try again.");
  }
  return (await load(agencyId, contactId))!;
}

export type Standing = { role?: ContactRole; receivesInvoices?: boolean };

/** Sets a person's role and whether they receive invoices, on the version read; null when that version is stale. */
export async function setStanding(existing: ContactItem, version: number, changes: Standing): Promise<ContactItem | null> {
  const { agencyId, clientId, contactId } = existing;
  const result = await db.transaction
    .write(({ contact, ...tx }) => [
      contact
        .patch({ agencyId, contactId })
        .set(changes)
        .add({ version: 1 })
        .where((attr, op) => op.eq(attr.version, version))
        .commit(),
      Audit.item(tx, Audit.event("contact.standing_changed", "client", clientId, { contactId, email: existing.email, ...changes })),
    ])
    .go();
  if (failedConditions(result).length) return null;
  return (await load(agencyId, contactId))!;
}
