import { z } from "zod";
import { AccessRequestStatuses, SecretKinds } from "./entity.ts";

// Output schemas: what the vault's functions answer, as the OpenAPI document declares it. No list
// or entry carries a secret; only a reveal does.

/** Every list has the one shape, { items, cursor }: these are whole lists, so the cursor is always null. */
const wholeList = z.null().describe("Always null: the list is whole");

export const entryOutput = z.object({
  id: z.string(),
  clientId: z.string(),
  tool: z.string(),
  url: z.string().nullable(),
  username: z.string().nullable(),
  notes: z.string().nullable(),
  kind: z.enum(SecretKinds),
  secretChangedAt: z.string().describe("When the secret last changed (UTC)"),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});

export const accessRequestOutput = z.object({
  id: z.string(),
  clientId: z.string(),
  tool: z.string(),
  note: z.string().nullable(),
  status: z.enum(AccessRequestStatuses),
  entryId: z.string().nullable(),
  createdAt: z.string(),
});

export const listOutput = z.object({ clientId: z.string(), items: z.array(entryOutput), cursor: wholeList, accessRequests: z.array(accessRequestOutput).describe("The owner's open requests for logins: the client's to-dos"),
  toChange: z.array(z.string()).describe("Ids of entries someone who has left the team was shown, whose secret hasn't changed since: the client's reminder to change them"),
});

export const revealOutput = z.union([
  z.object({ kind: z.enum(["password", "recovery_codes"]), value: z.string(), entryId: z.string() }),
  z.object({ kind: z.literal("totp"), code: z.string().describe("The current 6-digit code; the seed is never shown"), secondsLeft: z.number().int(), entryId: z.string() }),
]);

export const accessOutput = z.object({
  id: z.string(),
  entryId: z.string(),
  tool: z.string(),
  by: z.object({ type: z.enum(["member", "contact"]), id: z.string(), name: z.string() }),
  reason: z.string(),
  task: z.object({ id: z.string(), reference: z.string() }).nullable(),
  at: z.string(),
});

export const logOutput = z.object({ items: z.array(accessOutput), cursor: z.string().nullable() });

export const taskVaultOutput = z.object({ taskId: z.string(), clientId: z.string(), items: z.array(entryOutput), cursor: wholeList, canReveal: z.boolean(), canChoose: z.boolean().describe("The viewer may change which entries the task names (the owner)") });

export const checklistOutput = z.object({
  memberId: z.string(),
  name: z.string(),
  cursor: wholeList,
  items: z.array(
    z.object({
      entryId: z.string(),
      clientId: z.string(),
      clientName: z.string(),
      tool: z.string(),
      reveals: z.number().int(),
      lastRevealedAt: z.string(),
      rotated: z.boolean(),
      removed: z.boolean(),
    }),
  ),
});

export const clientChecklistOutput = z.object({
  clientId: z.string(),
  name: z.string(),
  cursor: wholeList,
  ended: z.boolean().describe("The client's work has ended: none of its logins can be shown"),
  items: z.array(
    z.object({
      entryId: z.string(),
      tool: z.string(),
      seenBy: z.array(z.object({ id: z.string(), name: z.string() })).describe("The team members who were shown it"),
      reveals: z.number().int(),
      lastRevealedAt: z.string(),
      rotated: z.boolean(),
      removed: z.boolean(),
    }),
  ),
});
