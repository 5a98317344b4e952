import { z } from "zod";
import { assertContact, assertOwner } from "../actor/index.ts";
import { Audit } from "../audit/index.ts";
import { issueLink } from "../auth/index.ts";
import { Client } from "../client/index.ts";
import { db } from "../db/index.ts";
import { Identity } from "../identity/index.ts";
import { failedConditions } from "../db/transaction.ts";
import { Email } from "../email/index.ts";
import { VisibleError, notFound } from "../error/index.ts";
import { email, pageQuery, personName, timeZone, type Page, type PageQuery } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
import { createId, isId } from "../id/index.ts";
import type { ContactItem } from "./entity.ts";
import { Uniqueness } from "../uniqueness/index.ts";
import { Brand } from "../agency/brand/index.ts";

export * as Contact from "./index.ts";
// Output schemas: what this area's functions answer, as the OpenAPI document declares it.
export * from "./output.ts";

export type Contact = {
  id: string;
  clientId: string;
  email: string;
  name: string;
  timeZone: string;
  status: ContactItem["status"];
  /** SES reported the address bouncing for good or complaining: Baton no longer emails it. */
  undeliverable: { reason: "bounce" | "complaint"; at: string } | null;
  createdAt: string;
};

export function present(item: ContactItem): Contact {
  return {
    id: item.contactId,
    clientId: item.clientId,
    email: item.email,
    name: item.name,
    timeZone: item.timeZone,
    status: item.status,
    undeliverable: item.undeliverable ?? null,
    createdAt: item.createdAt,
  };
}

export const inviteSchema = z.strictObject({ email, name: personName, timeZone });

async function requireClient(agencyId: string, clientId: string) {
  const client = await Client.load(agencyId, clientId);
  if (!client) throw notFound("Client");
  return client;
}

export const listForClient = fn(pageQuery, async (page: PageQuery, clientId: string): Promise<Page<Contact>> => {
  const agencyId = assertOwner();
  await requireClient(agencyId, clientId);
  const result = await db.entities.contact.query
    .contactsOfClient({ agencyId, clientId })
    .where((attr, op) => op.ne(attr.status, "removed"))
    .go({ limit: page.limit, cursor: page.cursor ?? null });
  return { items: result.data.map(present), cursor: result.cursor };
});

/** Adds a person at the client and emails them an invitation to the portal. */
export const invite = fn(inviteSchema, async (input, clientId: string): Promise<Contact> => {
  const agencyId = assertOwner();
  await requireClient(agencyId, clientId);
  const contactId = createId("contact");
  const result = await db.transaction
    .write(({ contact, ...tx }) => [
      Uniqueness.claimItem(tx, { agencyId, scope: "login-email", value: input.email, ownerId: contactId }),
      contact.create({ agencyId, clientId, contactId, status: "invited", ...input }).commit(),
      Audit.item(tx, Audit.event("contact.invited", "client", clientId, { contactId, email: input.email })),
    ])
    .go();
  if (failedConditions(result).includes(0)) {
    throw new VisibleError("conflict", "contact.exists", "Someone in your agency already signs in with this email.", {
      fields: { email: "Someone in your agency already signs in with this email." },
    });
  }
  const contact = await load(agencyId, contactId);
  await sendInvitation(contact!);
  return present(contact!);
});

export async function resendInvitation(clientId: string, contactId: string): Promise<void> {
  const agencyId = assertOwner();
  const contact = await load(agencyId, contactId);
  if (!contact || contact.clientId !== clientId) throw notFound("Contact");
  if (contact.status !== "invited") {
    throw new VisibleError("rule", "contact.not_invited", "This person has already joined, so there is no invitation to resend.");
  }
  await sendInvitation(contact);
}

type Access = "deactivate" | "reactivate" | "remove";

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
async function changeAccess(change: Access, clientId: string, contactId: string): Promise<Contact> {
  const agencyId = assertOwner();
  const existing = await load(agencyId, contactId);
  if (!existing || existing.clientId !== clientId || existing.status === "removed") throw notFound("Contact");
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
  return present((await load(agencyId, contactId))!);
}

export const deactivate = (clientId: string, contactId: string) => changeAccess("deactivate", clientId, contactId);
export const reactivate = (clientId: string, contactId: string) => changeAccess("reactivate", clientId, contactId);
export const remove = async (clientId: string, contactId: string): Promise<void> => {
  await changeAccess("remove", clientId, contactId);
};

async function load(agencyId: string, contactId: string): Promise<ContactItem | null> {
  if (!isId("contact", contactId)) return null;
  const result = await db.entities.contact.get({ agencyId, contactId }).go({ consistent: true });
  return result.data;
}

async function sendInvitation(contact: ContactItem) {
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

export type Company = { client: Omit<Client.Client, "notes">; contacts: Contact[] };

/** The signed-in contact's company and its people, in one query of the clientProfile collection. */
export async function company(): Promise<Company> {
  const { agencyId, clientId } = assertContact();
  const result = await db.collections.clientProfile({ agencyId, clientId }).go({ pages: "all" });
  const client = result.data.client[0];
  if (!client) throw notFound("Company");
  // Internal notes are the agency's, not the client's.
  const { notes: _notes, ...visible } = Client.present(client);
  return {
    client: visible,
    contacts: result.data.contact.filter((c) => c.status === "invited" || c.status === "active").map(present),
  };
}
