import { z } from "zod";
import { assertOwner, forbidden, unauthenticated, useActor } from "../actor/index.ts";
import { Client } from "../client/index.ts";
import { db } from "../db/index.ts";
import { VisibleError, notFound } from "../error/index.ts";
import { email, locale, personName, timeZone, version, whole, type Page } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
import { ContactRoles, type ContactItem } from "./entity.ts";
import * as Policy from "./policy.ts";
import { peopleViewer, present, type Contact, type Context } from "./present.ts";
import { ofClient } from "./store.ts";
import * as Writes from "./writes.ts";

// A client's people, managed by the owner (the client's page in the team app) or by one of the
// client's admins (the portal's People page). The same functions serve both: who may do what is
// policy.ts's; a client admin reaches only their own company's people (anyone else's is "not
// found"), and a member none.

export type People = Page<Contact> & { can: Policy.PeopleAction[] };

type Scope = Context & { agencyId: string; clientId: string };

/** The client whose people the actor manages (the owner names it; a contact's is their own) and its people now. */
async function scope(clientId: string | null): Promise<Scope> {
  const actor = useActor();
  if (actor.type === "public") throw unauthenticated();
  let agencyId: string;
  if (actor.type === "contact") {
    agencyId = actor.agencyId;
    clientId = actor.clientId;
  } else {
    agencyId = assertOwner();
    if (!clientId || !(await Client.load(agencyId, clientId))) throw notFound("Client");
  }
  const people = await ofClient(agencyId, clientId);
  return { agencyId, clientId, viewer: peopleViewer(), people };
}

/** The scope, if the viewer may see its people; a member of the client is refused. */
async function managed(clientId: string | null): Promise<Scope> {
  const found = await scope(clientId);
  if (!Policy.seesPeople(found.viewer, found.clientId, Policy.rolesOf(found.people))) throw forbidden();
  return found;
}

/** One person of the scope's client, as the viewer may reach them: a client admin only the current ones. */
function personOf(found: Scope, contactId: string): ContactItem {
  const target = found.people.find((person) => person.contactId === contactId);
  if (!target || target.status === "removed" || (!found.viewer.owner && !Policy.isCurrent(target))) throw notFound("Contact");
  return target;
}

const lastAdmin = () =>
  new VisibleError("conflict", "contact.last_admin", "Your company needs at least one admin. Make someone else an admin first.");

/** Refuses `action` on `target` as the policy says: not theirs (403), or the last admin (409). */
function check(found: Scope, target: ContactItem, action: Policy.PersonAction, change?: { role?: Policy.ContactRole }) {
  const why = Policy.refusal(found.viewer, target, found.people, action, change);
  if (why === "party") throw forbidden();
  if (why === "last_admin") throw lastAdmin();
}

/**
 * A client of old has no stored admin: its earliest person is one by the policy's default. Before
 * the first change to its people, that default is written down, so a new admin named later
 * doesn't silently take the place of the one everybody knew.
 */
async function keepDefaultAdmin(found: Scope): Promise<Scope> {
  const current = found.people.filter(Policy.isCurrent);
  if (current.some((person) => person.role === "admin")) return found;
  const roles = Policy.rolesOf(found.people);
  const admin = current.find((person) => roles.get(person.contactId) === "admin");
  if (!admin) return found;
  // The role the person already has, written down: not a change of theirs, so no new version.
  await db.entities.contact
    .patch({ agencyId: found.agencyId, contactId: admin.contactId })
    .set({ role: "admin" })
    .where((attr, op) => op.notExists(attr.role))
    .go()
    .catch(() => undefined);
  return { ...found, people: found.people.map((person) => (person.contactId === admin.contactId ? { ...person, role: "admin" } : person)) };
}

const presentIn = (found: Scope) => (item: ContactItem) => present(item, found);

/** The client's people with their roles and invoice choice, and what the viewer may do (GET /portal/people, GET /clients/:id/contacts). */
export async function people(clientId: string | null = null): Promise<People> {
  const found = await managed(clientId);
  // A client admin manages the current people; the owner sees the deactivated ones too.
  const listed = found.people.filter((person) => (found.viewer.owner ? person.status !== "removed" : Policy.isCurrent(person)));
  return { ...whole(listed.map(presentIn(found))), can: Policy.canOnPeople(found.viewer, found.clientId, Policy.rolesOf(found.people)) };
}

export const addSchema = z.strictObject({
  email,
  name: personName,
  /** The invitee's zone; the client's when not given. */
  timeZone: timeZone.optional(),
  /** The language of the invitation and of the portal for them. */
  locale: locale.optional(),
  role: z.enum(ContactRoles, { error: "Choose admin or member." }).optional(),
  receivesInvoices: z.boolean({ error: "Choose on or off." }).optional(),
});

/** Invites a person to the client's portal: the owner, or a client admin for their own company. */
export const add = fn(addSchema, async (input, clientId: string | null = null): Promise<Contact> => {
  const found = await keepDefaultAdmin(await managed(clientId));
  if (!Policy.canOnPeople(found.viewer, found.clientId, Policy.rolesOf(found.people)).includes("invite")) throw forbidden();
  const zone = input.timeZone ?? (await Client.load(found.agencyId, found.clientId))?.timeZone ?? "UTC";
  const message = found.viewer.owner ? "Someone in your agency already signs in with this email." : "Someone already signs in with this email. Ask the agency if it is a colleague.";
  const item = await Writes.add(found.agencyId, found.clientId, { ...input, timeZone: zone }, message);
  return present(item, { ...found, people: [...found.people, item] });
});

export const updateSchema = z.strictObject({
  version,
  role: z.enum(ContactRoles, { error: "Choose admin or member." }).optional(),
  receivesInvoices: z.boolean({ error: "Choose on or off." }).optional(),
});

/** Changes a person's role and/or whether they receive invoices, on the version read (409 with the person as they are). */
export const update = fn(updateSchema, async ({ version: read, ...changes }, contactId: string, clientId: string | null = null): Promise<Contact> => {
  const found = await keepDefaultAdmin(await managed(clientId));
  const target = personOf(found, contactId);
  if (changes.role !== undefined) check(found, target, "change_role", { role: changes.role });
  if (changes.receivesInvoices !== undefined) check(found, target, "change_invoices");
  const written = await Writes.setStanding(target, read, changes);
  const fresh = await ofClient(found.agencyId, found.clientId);
  const now = written ?? (await Writes.load(found.agencyId, contactId))!;
  const people = fresh.map((person) => (person.contactId === contactId ? now : person));
  if (!written) {
    throw new VisibleError("conflict", "conflict", "This person was changed at the same moment. Review and try again.", { current: present(now, { ...found, people }) });
  }
  return present(now, { ...found, people });
});

/** Removes a person for good: their sessions end and their email is free (a client admin can't remove the last admin). */
export async function remove(contactId: string, clientId: string | null = null): Promise<void> {
  const found = await keepDefaultAdmin(await managed(clientId));
  const target = personOf(found, contactId);
  check(found, target, "remove");
  await Writes.changeAccess("remove", target);
}
