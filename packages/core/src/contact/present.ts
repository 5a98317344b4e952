import { useActor } from "../actor/index.ts";
import { viewerOf } from "../actor/viewer.ts";
import type { ContactItem } from "./entity.ts";
import * as Policy from "./policy.ts";

// A client's person as the API answers it: with their role, whether invoices reach them, and
// what the viewer may do to them (the policy's `can`).

export type Contact = {
  id: string;
  clientId: string;
  email: string;
  name: string;
  timeZone: string;
  locale: ContactItem["locale"];
  status: ContactItem["status"];
  /** Their role at the client (policy.ts: a client without a stored admin has its earliest person as one). */
  role: Policy.ContactRole;
  /** Chosen to receive the client's invoices. */
  receivesInvoices: boolean;
  /** Whether invoices reach them now: chosen, or an admin while nobody is chosen. */
  getsInvoices: boolean;
  /** SES reported the address bouncing for good or complaining: Baton no longer emails it. */
  undeliverable: { reason: "bounce" | "complaint"; at: string } | null;
  createdAt: string;
  version: number;
  /** What the viewer may do to this person now. */
  can: Policy.PersonAction[];
};

/** What presenting a person needs: who looks, and the client's people (roles and invoice recipients depend on them all). */
export type Context = { viewer: Policy.PeopleViewer; people: readonly ContactItem[] };

export function present(item: ContactItem, context: Context): Contact {
  const roles = Policy.rolesOf(context.people);
  const recipients = new Set(Policy.invoiceRecipients(context.people).map((person) => person.contactId));
  return {
    id: item.contactId,
    clientId: item.clientId,
    email: item.email,
    name: item.name,
    timeZone: item.timeZone,
    locale: item.locale,
    status: item.status,
    role: roles.get(item.contactId) ?? item.role ?? "member",
    receivesInvoices: item.receivesInvoices === true,
    getsInvoices: recipients.has(item.contactId),
    undeliverable: item.undeliverable ?? null,
    createdAt: item.createdAt,
    version: item.version,
    can: Policy.can(context.viewer, item, context.people),
  };
}

/** The acting viewer as the people policy sees them. */
export function peopleViewer(): Policy.PeopleViewer {
  const actor = useActor();
  const viewer = viewerOf(actor);
  return { owner: viewer.owner, clientId: viewer.clientId, writes: viewer.writes, contactId: actor.type === "contact" ? actor.contactId : null };
}
