import { Identity } from "../identity/index.ts";
import type { Recipient } from "../inbox/index.ts";
import type { RequestItem } from "../request/entity.ts";
import type { TaskItem } from "../task/entity.ts";
import { UNASSIGNED } from "../task/entity.ts";
import type { Thread } from "./policy.ts";
import { ContactStore } from "../contact/store.ts";
import type { ContactItem } from "../contact/entity.ts";

// Who a request's news concerns. The team side: the owners and whoever holds a task of it. The
// client side: the contact who submitted it and every contact who has written in its thread;
// when the team submitted it for them, every contact of the client.

export async function teamOf(request: RequestItem, tasks: readonly TaskItem[]): Promise<Recipient[]> {
  const members = { data: await Identity.team(request.agencyId) };
  const active = new Map(members.data.filter((m) => m.status !== "removed").map((m) => [m.memberId, m]));
  const ids = new Set([
    ...members.data.filter((m) => m.role === "owner" && m.status !== "removed").map((m) => m.memberId),
    ...tasks.map((task) => task.assigneeId).filter((id) => id !== UNASSIGNED && active.has(id)),
  ]);
  return [...ids].map((id) => ({ type: "member" as const, id }));
}

/** `contacts`: the client's contacts when the caller has read them already (no query then). */
export async function clientSideOf(request: RequestItem, known?: readonly ContactItem[]): Promise<Recipient[]> {
  const ids = new Set<string>(request.threadContactIds ?? []);
  if (request.submittedByType === "contact") ids.add(request.submittedById);
  if (!ids.size) {
    const contacts = known ?? (await ContactStore.ofClient(request.agencyId, request.clientId));
    for (const contact of contacts) if (contact.status !== "removed") ids.add(contact.contactId);
  }
  return [...ids].map((id) => ({ type: "contact" as const, id }));
}

/** Everyone a new message in `thread` concerns, but its author. */
export async function forMessage(request: RequestItem, tasks: readonly TaskItem[], thread: Thread, authorId: string): Promise<Recipient[]> {
  const team = await teamOf(request, tasks);
  const people = thread === "internal" ? team : [...team, ...(await clientSideOf(request))];
  return people.filter((person) => person.id !== authorId);
}
