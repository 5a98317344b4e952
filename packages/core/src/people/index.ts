import { useActor } from "../actor/index.ts";
import { db } from "../db/index.ts";
import { Identity } from "../identity/index.ts";
import type { MemberItem } from "../member/entity.ts";

export * as People from "./index.ts";
// Output schemas: what this area's functions answer, as the OpenAPI document declares it.
export * from "./output.ts";

// Names for the records people read: who submitted, who is assigned, who approved.

export type PersonRef = { type: "member" | "contact" | "apikey" | "system"; id: string; name: string };

/**
 * The acting person, with the name others will see in threads and timelines. A caller that
 * has already read the acting member passes it in (`undefined` means "not read yet").
 */
export async function current(me?: MemberItem | null): Promise<PersonRef> {
  const actor = useActor();
  switch (actor.type) {
    case "member": {
      const item = me !== undefined ? me : await Identity.member(actor.agencyId, actor.memberId);
      return { type: "member", id: actor.memberId, name: item?.name ?? "Team member" };
    }
    case "contact": {
      const item = await Identity.contact(actor.agencyId, actor.contactId);
      return { type: "contact", id: actor.contactId, name: item?.name ?? "Client" };
    }
    case "apikey":
      return { type: "apikey", id: actor.apiKeyId, name: "API integration" };
    case "system":
      return { type: "system", id: "system", name: "Baton" };
    default:
      return { type: "system", id: "anonymous", name: "Someone" };
  }
}

/** The whole team by id (teams are small: one query, every page). */
export async function team(agencyId: string): Promise<Map<string, MemberItem>> {
  return new Map((await Identity.team(agencyId)).map((member) => [member.memberId, member]));
}

/**
 * The team members named by `ids` (those that exist, removed ones too), read together in one
 * batch and kept like the acting member's identity: what a single task's names need, without
 * reading the whole team.
 */
export async function members(agencyId: string, ids: Iterable<string>): Promise<Map<string, MemberItem>> {
  const found = await Promise.all([...new Set(ids)].filter((id) => id.startsWith("mem_")).map((id) => Identity.member(agencyId, id)));
  return new Map(found.filter((member): member is MemberItem => member !== null).map((member) => [member.memberId, member]));
}

/** Clients' names by id, for the given ids only (one batch read, however many tasks share them). */
export async function clientNames(agencyId: string, clientIds: Iterable<string>): Promise<Map<string, string>> {
  // Kept by the warm instance within the identity bound (identity/index.ts): lists read no client.
  return Identity.clientNames(agencyId, clientIds);
}

/** What a list of tasks needs to show names: the team, and the names of the tasks' clients. */
export async function namesFor(agencyId: string, items: ReadonlyArray<{ clientId: string }>) {
  const [members, clients] = await Promise.all([team(agencyId), clientNames(agencyId, items.map((item) => item.clientId))]);
  return { team: members, clients };
}
