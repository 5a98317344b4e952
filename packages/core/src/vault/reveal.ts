import { forbidden, unauthenticated, useActor } from "../actor/index.ts";
import { countAttempt } from "../auth/rate-limit.ts";
import { ClientStore } from "../client/store.ts";
import { db } from "../db/index.ts";
import { failedConditions } from "../db/transaction.ts";
import { notFound, VisibleError } from "../error/index.ts";
import { fn } from "../fn/index.ts";
import { createId } from "../id/index.ts";
import { Identity } from "../identity/index.ts";
import { Log } from "../log/index.ts";
import { MemberStore } from "../member/store.ts";
import { TaskStore } from "../task/store.ts";
import type { TaskItem } from "../task/entity.ts";
import { dataKey, open } from "./cipher.ts";
import type { SecretKind, VaultEntryItem } from "./entity.ts";
import { revealSchema } from "./fields.ts";
import { VaultStore } from "./store.ts";
import { totp } from "./totp.ts";

// Showing a secret. The owner may; a subcontractor only while assigned to an open task of the
// entry's client that names the entry; the client's own contacts their own. A team member gives a
// reason; every reveal is on the client's access log (who, when, why, which task); bursts are
// refused. The record and the check that the task is still the subcontractor's are one
// transaction, so a reassignment that lands between the check and the record refuses the reveal.

/** Secrets one person may be shown in a minute, before 429. */
export const REVEAL_LIMIT = { max: 10, windowSeconds: 60 } as const;

export type Revealed =
  | { kind: "password" | "recovery_codes"; value: string; entryId: string }
  | { kind: "totp"; code: string; secondsLeft: number; entryId: string };

type Reader = { type: "member" | "contact"; id: string; name: string };
export type Grant = { entry: VaultEntryItem; reader: Reader; task: TaskItem | null; assignee: boolean };

const notAssigned = () => new VisibleError("forbidden", "vault.not_assigned", "Only the person assigned to an open task of this client can see its logins.");
const needsReason = () => new VisibleError("validation", "validation_failed", "Some fields need attention.", { fields: { reason: "Say why you need it." } });

async function limit(agencyId: string, who: string): Promise<void> {
  const { count, retryAfterSeconds } = await countAttempt(`vault#${agencyId}#${who}`, REVEAL_LIMIT.windowSeconds);
  if (count > REVEAL_LIMIT.max) {
    throw new VisibleError("rate_limited", "vault.rate_limited", `Too many logins shown in a short time. Please wait ${Math.max(1, retryAfterSeconds)} seconds and try again.`);
  }
}

/** Whether the actor may see this entry's secret now, and as whom; throws the refusal otherwise. */
export async function authorize(vaultEntryId: string, input: { reason?: string | undefined; taskId?: string | undefined }): Promise<Grant> {
  const actor = useActor();
  if (actor.type === "public") throw unauthenticated();
  // Secrets are for people in person: never an API key or a job.
  if (actor.type !== "member" && actor.type !== "contact") throw forbidden();
  if (actor.type === "member" && !input.reason) throw needsReason();
  const entry = await VaultStore.loadEntry(actor.agencyId, vaultEntryId, { consistent: true });
  if (!entry) throw notFound("Vault entry");
  if (actor.type === "contact") {
    if (entry.clientId !== actor.clientId) throw notFound("Vault entry");
    const contact = await Identity.contact(actor.agencyId, actor.contactId);
    return { entry, reader: { type: "contact", id: actor.contactId, name: contact?.name ?? "" }, task: null, assignee: false };
  }
  const [client, member] = await Promise.all([ClientStore.load(actor.agencyId, entry.clientId, { consistent: true }), MemberStore.load(actor.agencyId, actor.memberId, { consistent: true })]);
  if (!client) throw notFound("Vault entry");
  if (!member || member.status !== "active") throw forbidden();
  if (client.status === "inactive") throw new VisibleError("forbidden", "vault.client_ended", "This client's work has ended, so their logins can no longer be shown.");
  const task = input.taskId ? await TaskStore.load(actor.agencyId, input.taskId) : null;
  if (input.taskId && (!task || task.clientId !== entry.clientId)) throw notFound("Task");
  const reader: Reader = { type: "member", id: actor.memberId, name: member.name };
  if (actor.role === "owner") return { entry, reader, task, assignee: false };
  if (!task) throw new VisibleError("validation", "validation_failed", "Some fields need attention.", { fields: { taskId: "Choose the task you need it for." } });
  if (task.assigneeId !== actor.memberId || task.state !== "open") throw notAssigned();
  if (!(await VaultStore.taskNames(actor.agencyId, task.taskId, entry.vaultEntryId))) {
    throw new VisibleError("forbidden", "vault.not_on_task", "This task doesn't name this login. Ask the owner to add it to the task.");
  }
  return { entry, reader, task, assignee: true };
}

/** Records the reveal; for an assignee, only if the task is still theirs, open and as read. */
export async function record(grant: Grant, reason: string): Promise<void> {
  const { entry, reader, task } = grant;
  const access = {
    agencyId: entry.agencyId,
    accessId: createId("vaultAccess"),
    clientId: entry.clientId,
    vaultEntryId: entry.vaultEntryId,
    tool: entry.tool,
    byType: reader.type,
    byId: reader.id,
    byName: reader.name,
    reason,
    ...(task ? { taskId: task.taskId, taskReference: task.reference } : {}),
    at: new Date().toISOString(),
  };
  if (!grant.assignee || !task) return VaultStore.putAccess(access);
  const result = await db.transaction.write((tx) => [VaultStore.accessItem(tx, access), TaskStore.stillAssignedItem(tx, task, reader.id)]).go();
  if (failedConditions(result).length) {
    Log.info("vault: reveal refused, the task changed since it was read", { vaultEntryId: entry.vaultEntryId, taskId: task.taskId });
    throw notAssigned();
  }
}

/** What is shown: a TOTP entry's current code (never its seed), else the secret itself. */
export function shown(kind: SecretKind, secret: string, entryId: string): Revealed {
  return kind === "totp" ? { kind, ...totp(secret), entryId } : { kind, value: secret, entryId };
}

export const reveal = fn(revealSchema, async (input, vaultEntryId: string): Promise<Revealed> => {
  const grant = await authorize(vaultEntryId, input);
  const { entry } = grant;
  // Counted once allowed: what a burst would carry off is secrets, and a refusal shows none.
  await limit(entry.agencyId, grant.reader.id);
  // Opened before it is recorded: a tampered secret is refused and no reveal is logged.
  const secret = open(await dataKey(entry.agencyId), { agencyId: entry.agencyId, clientId: entry.clientId, vaultEntryId }, entry.sealed);
  await record(grant, input.reason ?? "");
  return shown(entry.kind, secret, vaultEntryId);
});
