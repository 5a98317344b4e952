import { Log } from "../log/index.ts";
import { toolKey } from "../sop/tools.ts";
import { SopStore } from "../sop/store.ts";
import { VaultStore } from "./store.ts";

// "The SOP lists which tools it needs": a task made from an SOP (the accept dialog, a quote, a
// recurring occurrence) names the client's entries whose tool the SOP lists, as if the owner had
// picked them; the owner can still add or remove entries on the task (tasks.ts).

export type NewTask = { taskId: string; clientId: string; sopId?: string | undefined };

/**
 * Names on each new task the client's entries of the tools its SOP needs; answers how many mentions
 * were made. Called after the tasks are committed: a failure here is logged, never the accept's
 * failure (the owner can still pick the entries on the task).
 */
export async function nameSopTools(agencyId: string, tasks: readonly NewTask[]): Promise<number> {
  try {
    return await nameAll(agencyId, tasks);
  } catch (error) {
    Log.error("vault: SOP tools not named on new tasks", error, { tasks: tasks.map((task) => task.taskId).join(",") });
    return 0;
  }
}

async function nameAll(agencyId: string, tasks: readonly NewTask[]): Promise<number> {
  const fromSops = tasks.filter((task): task is NewTask & { sopId: string } => Boolean(task.sopId));
  if (!fromSops.length) return 0;
  const tools = await SopStore.toolsOf(agencyId, fromSops.map((task) => task.sopId));
  const needing = fromSops.filter((task) => tools.get(task.sopId)?.length);
  if (!needing.length) return 0;
  const clients = [...new Set(needing.map((task) => task.clientId))];
  const entries = new Map(await Promise.all(clients.map(async (clientId) => [clientId, await VaultStore.entriesOfClient(agencyId, clientId)] as const)));
  let named = 0;
  for (const task of needing) {
    const wanted = new Set(tools.get(task.sopId)!.map(toolKey));
    const ids = (entries.get(task.clientId) ?? []).filter((entry) => wanted.has(toolKey(entry.tool))).map((entry) => entry.vaultEntryId);
    await VaultStore.addTaskEntries(agencyId, task.clientId, task.taskId, ids);
    named += ids.length;
  }
  return named;
}
