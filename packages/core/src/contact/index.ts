import { assertContact, assertOwner } from "../actor/index.ts";
import { Client } from "../client/index.ts";
import { db } from "../db/index.ts";
import { VisibleError, notFound } from "../error/index.ts";
import { pageQuery, type PageQuery } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
import * as Policy from "./policy.ts";
import { peopleViewer, present, type Contact as Person } from "./present.ts";
import { add, addSchema, people, remove as removePerson, type People } from "./people.ts";
import { ofClient } from "./store.ts";
import * as Writes from "./writes.ts";

export * as Contact from "./index.ts";
// Output schemas: what this area's functions answer, as the OpenAPI document declares it.
export * from "./output.ts";
// Who manages a client's people (client admins, the owner): the rules, and the functions both call.
export * as Policy from "./policy.ts";
export { add, people, update, remove as removePerson, type People } from "./people.ts";
export { present, type Context } from "./present.ts";
/** A client's person as the API answers them. */
export type Contact = Person;

export const inviteSchema = addSchema;

/** A client's people for the owner (its page in the team app): every one not removed, with roles and `can`. */
export const listForClient = fn(pageQuery, async (_page: PageQuery, clientId: string): Promise<People> => {
  assertOwner();
  // A client's people are few: read whole, in the one list shape.
  return people(clientId);
});

/** The owner adds a person at the client and emails them an invitation to the portal. */
export const invite = fn(inviteSchema, async (input, clientId: string): Promise<Person> => {
  assertOwner();
  return add(input, clientId);
});

async function ownersContact(clientId: string, contactId: string) {
  const agencyId = assertOwner();
  const contact = await Writes.load(agencyId, contactId);
  if (!contact || contact.clientId !== clientId || contact.status === "removed") throw notFound("Contact");
  return contact;
}

export async function resendInvitation(clientId: string, contactId: string): Promise<void> {
  const contact = await ownersContact(clientId, contactId);
  if (contact.status !== "invited") {
    throw new VisibleError("rule", "contact.not_invited", "This person has already joined, so there is no invitation to resend.");
  }
  await Writes.sendInvitation(contact);
}

/** The contact as the owner reads it after a change of access. */
async function afterAccess(change: Writes.Access, clientId: string, contactId: string): Promise<Person> {
  const changed = await Writes.changeAccess(change, await ownersContact(clientId, contactId));
  const everyone = (await ofClient(changed.agencyId, clientId)).map((person) => (person.contactId === contactId ? changed : person));
  return present(changed, { viewer: peopleViewer(), people: everyone });
}

export const deactivate = (clientId: string, contactId: string) => afterAccess("deactivate", clientId, contactId);
export const reactivate = (clientId: string, contactId: string) => afterAccess("reactivate", clientId, contactId);
/** The owner removes anyone (the override: the client's earliest remaining person is its admin then). */
export const remove = async (clientId: string, contactId: string): Promise<void> => {
  assertOwner();
  await removePerson(contactId, clientId);
};

export type Company = { client: Omit<Client.Client, "notes">; contacts: Person[]; can: Policy.PeopleAction[] };

/**
 * The signed-in contact's company, in one query of the clientProfile collection: its people for
 * an admin, only themselves for a member; `can` says whether they manage the company's people.
 */
export async function company(): Promise<Company> {
  const { agencyId, clientId, contactId } = assertContact();
  const result = await db.collections.clientProfile({ agencyId, clientId }).go({ pages: "all" });
  const client = result.data.client[0];
  if (!client) throw notFound("Company");
  // Internal notes are the agency's, not the client's.
  const { notes: _notes, ...visible } = Client.present(client);
  const everyone = result.data.contact;
  const viewer = peopleViewer();
  const roles = Policy.rolesOf(everyone);
  const seesAll = Policy.seesPeople(viewer, clientId, roles);
  const shown = everyone.filter((c) => Policy.isCurrent(c) && (seesAll || c.contactId === contactId));
  return { client: visible, contacts: shown.map((c) => present(c, { viewer, people: everyone })), can: Policy.canOnPeople(viewer, clientId, roles) };
}
