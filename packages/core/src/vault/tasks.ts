import { assertOwner, forbidden, unauthenticated, useActor } from "../actor/index.ts";
import { notFound, VisibleError } from "../error/index.ts";
import { fn } from "../fn/index.ts";
import { TaskStore } from "../task/store.ts";
import { taskEntriesSchema } from "./fields.ts";
import { presentEntry, type VaultEntry } from "./present.ts";
import { VaultStore } from "./store.ts";

// The entries a task names: the owner picks them when planning; the task's assignee sees which
// logins the work needs (and may reveal them while the task is open and theirs).

/** `canChoose`: the viewer may change which entries the task names (the owner). */
export type TaskVault = { taskId: string; clientId: string; items: VaultEntry[]; cursor: null; canReveal: boolean; canChoose: boolean };

async function entriesOf(agencyId: string, taskId: string): Promise<VaultEntry[]> {
  const mentions = await VaultStore.entriesOfTask(agencyId, taskId);
  return (await VaultStore.loadEntries(agencyId, mentions.map((mention) => mention.vaultEntryId))).map(presentEntry).sort((a, b) => a.tool.localeCompare(b.tool));
}

/** The entries a task names, for the owner and the task's assignee (no secrets). */
export async function ofTask(taskId: string): Promise<TaskVault> {
  const actor = useActor();
  if (actor.type === "public") throw unauthenticated();
  if (actor.type === "contact") throw forbidden();
  const task = await TaskStore.load(actor.agencyId, taskId);
  if (!task) throw notFound("Task");
  const owner = actor.type === "apikey" || (actor.type === "member" && actor.role === "owner");
  const assignee = actor.type === "member" && task.assigneeId === actor.memberId && task.state === "open";
  if (!owner && !assignee) throw forbidden();
  return { taskId, clientId: task.clientId, items: await entriesOf(actor.agencyId, taskId), cursor: null, canReveal: actor.type === "member" && (owner || assignee), canChoose: owner };
}

/** Names the entries a task's work needs (owner): each must be of the task's client. */
export const setForTask = fn(taskEntriesSchema, async ({ vaultEntryIds }, taskId: string): Promise<TaskVault> => {
  const agencyId = assertOwner();
  const task = await TaskStore.load(agencyId, taskId);
  if (!task) throw notFound("Task");
  const ids = [...new Set(vaultEntryIds)];
  const entries = await VaultStore.loadEntries(agencyId, ids);
  if (entries.length !== ids.length || entries.some((entry) => entry.clientId !== task.clientId)) {
    throw new VisibleError("validation", "validation_failed", "Some fields need attention.", { fields: { vaultEntryIds: "Choose entries of this client's vault." } });
  }
  await VaultStore.setTaskEntries(agencyId, task.clientId, taskId, ids);
  return { taskId, clientId: task.clientId, items: await entriesOf(agencyId, taskId), cursor: null, canReveal: useActor().type === "member", canChoose: true };
});
