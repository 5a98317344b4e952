import type { Viewer } from "../actor/viewer.ts";
import type { ContactItem } from "./entity.ts";
import { ContactRoles } from "./entity.ts";

// Who manages a client's people, in one place: read by the mutations ("may I") and by GET (the
// `can` lists the portal's People page and the team app's client page show buttons from).
//
// A client admin (a contact whose role is "admin") lists the company's people, invites
// colleagues, removes them, changes their role and chooses who receives invoices; a member sees
// only their own profile. The owner sees all of it and may do all of it (the override), except
// leave the client without an admin by demoting: a client always has one.

export type ContactRole = (typeof ContactRoles)[number];

/** What the viewer may do to the client's people as a whole. */
export const PeopleActions = ["invite"] as const;
export type PeopleAction = (typeof PeopleActions)[number];

/** What the viewer may do to one person. */
export const PersonActions = ["remove", "change_role", "change_invoices"] as const;
export type PersonAction = (typeof PersonActions)[number];

/** Who looks: the policy's view of the actor (`contactId` is the acting contact, if any). */
export type PeopleViewer = Pick<Viewer, "owner" | "clientId" | "writes"> & { contactId: string | null };

type Person = Pick<ContactItem, "contactId" | "status" | "role" | "createdAt"> & { receivesInvoices?: boolean };

/** Invited and active people: the ones who can act, and who count as admins. */
export const isCurrent = (person: Pick<ContactItem, "status">) => person.status === "invited" || person.status === "active";

const byAge = (a: Person, b: Person) => a.createdAt.localeCompare(b.createdAt) || a.contactId.localeCompare(b.contactId);

/**
 * Each person's role. One stored is kept; a client whose current people include no admin (its
 * contacts made before roles existed, or its last admin removed by the owner) has its earliest
 * current person as admin: the client's first contact, the one the agency started with.
 */
export function rolesOf(people: readonly Person[]): Map<string, ContactRole> {
  const roles = new Map<string, ContactRole>(people.map((person) => [person.contactId, person.role ?? "member"]));
  const current = people.filter(isCurrent);
  if (!current.some((person) => person.role === "admin")) {
    const first = [...current].sort(byAge)[0];
    if (first) roles.set(first.contactId, "admin");
  }
  return roles;
}

/** Whether the viewer manages this client's people: the owner, or one of its current admins. */
export function manages(viewer: PeopleViewer, clientId: string, roles: ReadonlyMap<string, ContactRole>): boolean {
  if (!viewer.writes) return false;
  if (viewer.owner) return true;
  return viewer.clientId === clientId && viewer.contactId !== null && roles.get(viewer.contactId) === "admin";
}

/** Whether the viewer may see the client's people list (an inactive client's admin still reads it). */
export function seesPeople(viewer: PeopleViewer, clientId: string, roles: ReadonlyMap<string, ContactRole>): boolean {
  return viewer.owner || manages({ ...viewer, writes: true }, clientId, roles);
}

/** What the viewer may do to the client's people as a whole. */
export function canOnPeople(viewer: PeopleViewer, clientId: string, roles: ReadonlyMap<string, ContactRole>): PeopleAction[] {
  return manages(viewer, clientId, roles) ? ["invite"] : [];
}

/**
 * Why `action` on `target` is refused: not the viewer's to take ("party"), or it would leave the
 * client without an admin ("last_admin"); null when they may. A client admin may remove
 * themselves or step down while another admin remains. The owner removes anyone (the client's
 * earliest remaining person is its admin then), but never demotes the last admin.
 */
export function refusal(
  viewer: PeopleViewer,
  target: Person & { clientId: string },
  people: readonly Person[],
  action: PersonAction,
  change?: { role?: ContactRole },
): "party" | "last_admin" | null {
  const roles = rolesOf(people);
  if (!manages(viewer, target.clientId, roles) || !isCurrentOrOwner(viewer, target)) return "party";
  const demotes = action === "remove" ? !viewer.owner : action === "change_role" && change?.role !== "admin";
  if (demotes && roles.get(target.contactId) === "admin" && isCurrent(target)) {
    const admins = people.filter((person) => isCurrent(person) && roles.get(person.contactId) === "admin");
    if (admins.length <= 1) return "last_admin";
  }
  return null;
}

// A client admin manages the current people; the owner also those deactivated.
const isCurrentOrOwner = (viewer: PeopleViewer, target: Person) => viewer.owner || isCurrent(target);

/** What the viewer may do to `target` now (a role toggle counts as "change_role" when flipping it is allowed). */
export function can(viewer: PeopleViewer, target: Person & { clientId: string }, people: readonly Person[]): PersonAction[] {
  const role = rolesOf(people).get(target.contactId) ?? "member";
  return PersonActions.filter((action) => refusal(viewer, target, people, action, { role: role === "admin" ? "member" : "admin" }) === null);
}

/**
 * Who receives the client's invoices: the current people chosen for them, else its admins (an
 * invoice always reaches someone at the client). Each person's own invoice-email switch is
 * applied after this (notify/preferences.ts).
 */
export function invoiceRecipients<T extends Person>(people: readonly T[]): T[] {
  const current = people.filter(isCurrent);
  const chosen = current.filter((person) => person.receivesInvoices === true);
  if (chosen.length) return chosen;
  const roles = rolesOf(people);
  return current.filter((person) => roles.get(person.contactId) === "admin");
}
