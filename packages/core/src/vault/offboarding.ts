import { assertOwner } from "../actor/index.ts";
import { ClientStore } from "../client/store.ts";
import { notFound } from "../error/index.ts";
import { Identity } from "../identity/index.ts";
import { Log } from "../log/index.ts";
import { MemberStore } from "../member/store.ts";
import { emailClient } from "./notices.ts";
import type { VaultEntryItem } from "./entity.ts";
import { VaultStore } from "./store.ts";

// When someone leaves, or a client's work ends. Their access ends at once without anything done here: a reveal checks the
// member is active, the task still theirs and the client not ended. What remains is what they
// saw: the owner's checklist of the entries to rotate, and a reminder to each client concerned.

export type RotateItem = {
  entryId: string;
  clientId: string;
  clientName: string;
  tool: string;
  reveals: number;
  lastRevealedAt: string;
  /** The secret changed after their last reveal: nothing left to do. */
  rotated: boolean;
  /** The client removed the entry since. */
  removed: boolean;
};

async function revealedBy(agencyId: string, memberId: string): Promise<RotateItem[]> {
  const log = await VaultStore.accessByPerson(agencyId, memberId);
  const byEntry = new Map<string, { clientId: string; tool: string; reveals: number; last: string }>();
  for (const access of log) {
    const seen = byEntry.get(access.vaultEntryId);
    byEntry.set(access.vaultEntryId, { clientId: access.clientId, tool: access.tool, reveals: (seen?.reveals ?? 0) + 1, last: seen && seen.last > access.at ? seen.last : access.at });
  }
  const [entries, names] = await Promise.all([VaultStore.loadEntries(agencyId, [...byEntry.keys()]), Identity.clientNames(agencyId, new Set([...byEntry.values()].map((seen) => seen.clientId)))]);
  const current = new Map(entries.map((entry) => [entry.vaultEntryId, entry]));
  return [...byEntry].map(([entryId, seen]) => {
    const entry = current.get(entryId);
    return {
      entryId,
      clientId: seen.clientId,
      clientName: names.get(seen.clientId) ?? "",
      tool: entry?.tool ?? seen.tool,
      reveals: seen.reveals,
      lastRevealedAt: seen.last,
      rotated: Boolean(entry && entry.secretChangedAt > seen.last),
      removed: !entry,
    };
  });
}

/** The owner's checklist: the entries a team member revealed, and whether each was rotated since. */
export async function checklist(memberId: string): Promise<{ memberId: string; name: string; items: RotateItem[]; cursor: null }> {
  const agencyId = assertOwner();
  const member = await MemberStore.load(agencyId, memberId);
  if (!member) throw notFound("Team member");
  return { memberId, name: member.name, items: await revealedBy(agencyId, memberId), cursor: null };
}

/** After a member is removed: each client whose logins they saw, and hasn't rotated, is asked to. */
export async function memberLeft(memberId: string): Promise<void> {
  const agencyId = assertOwner();
  try {
    const items = (await revealedBy(agencyId, memberId)).filter((item) => !item.rotated && !item.removed);
    const byClient = new Map<string, string[]>();
    for (const item of items) byClient.set(item.clientId, [...(byClient.get(item.clientId) ?? []), item.tool]);
    for (const [clientId, tools] of byClient) {
      const client = await ClientStore.load(agencyId, clientId);
      if (client) await emailClient(agencyId, clientId, "vaultRotate", { tools: [...new Set(tools)].join(", ") });
    }
  } catch (error) {
    Log.error("vault: rotation reminders not sent", error, { memberId });
  }
}

/** A line of the client-ended checklist: an entry the team was shown, by whom, and whether the client changed it since. */
export type EndedItem = {
  entryId: string;
  tool: string;
  seenBy: { id: string; name: string }[];
  reveals: number;
  lastRevealedAt: string;
  rotated: boolean;
  removed: boolean;
};

/**
 * When a client's work ends: their logins can no longer be shown (a reveal checks the client is
 * not ended), and the owner's checklist is every entry a team member was shown, to have the client
 * change it (or take the agency's people off the tool). The client's own reveals don't count.
 */
export async function clientChecklist(clientId: string): Promise<{ clientId: string; name: string; ended: boolean; items: EndedItem[]; cursor: null }> {
  const agencyId = assertOwner();
  const client = await ClientStore.load(agencyId, clientId);
  if (!client) throw notFound("Client");
  const [log, entries] = await Promise.all([VaultStore.allAccessOfClient(agencyId, clientId), VaultStore.entriesOfClient(agencyId, clientId)]);
  const current = new Map(entries.map((entry) => [entry.vaultEntryId, entry]));
  const byEntry = new Map<string, { tool: string; people: Map<string, string>; reveals: number; last: string }>();
  for (const access of log) {
    if (access.byType !== "member") continue;
    const seen = byEntry.get(access.vaultEntryId) ?? { tool: access.tool, people: new Map<string, string>(), reveals: 0, last: access.at };
    seen.people.set(access.byId, access.byName);
    seen.reveals += 1;
    if (access.at > seen.last) seen.last = access.at;
    byEntry.set(access.vaultEntryId, seen);
  }
  const items = [...byEntry].map(([entryId, seen]) => {
    const entry = current.get(entryId);
    return {
      entryId,
      tool: entry?.tool ?? seen.tool,
      seenBy: [...seen.people].map(([id, name]) => ({ id, name })),
      reveals: seen.reveals,
      lastRevealedAt: seen.last,
      rotated: Boolean(entry && entry.secretChangedAt > seen.last),
      removed: !entry,
    };
  });
  return { clientId, name: client.name, ended: client.status === "inactive", items: items.sort((a, b) => a.tool.localeCompare(b.tool)), cursor: null };
}

/**
 * The client's side of a leaver's reminder, for the portal: the entries someone no longer on the
 * team was shown and whose secret hasn't changed since. Empty once the client changes or removes each.
 */
export async function seenByLeavers(agencyId: string, clientId: string, entries: readonly VaultEntryItem[]): Promise<string[]> {
  const log = (await VaultStore.allAccessOfClient(agencyId, clientId)).filter((access) => access.byType === "member");
  if (!log.length) return [];
  const people = [...new Set(log.map((access) => access.byId))];
  const members = await Promise.all(people.map((memberId) => MemberStore.load(agencyId, memberId)));
  const left = new Set(people.filter((_, i) => !members[i] || members[i]!.status === "removed"));
  if (!left.size) return [];
  const current = new Map(entries.map((entry) => [entry.vaultEntryId, entry]));
  const stale = new Set<string>();
  for (const access of log) {
    const entry = current.get(access.vaultEntryId);
    if (entry && left.has(access.byId) && entry.secretChangedAt <= access.at) stale.add(entry.vaultEntryId);
  }
  return entries.filter((entry) => stale.has(entry.vaultEntryId)).map((entry) => entry.vaultEntryId);
}
