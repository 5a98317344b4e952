import { z } from "zod";
import { idOf, oneLine, pageQuery, version } from "../fields/index.ts";
import { SecretKinds } from "./entity.ts";
import { normalizeSeed } from "./totp.ts";

// What an entry's form may hold. A secret is text a person typed: control characters (binary) are
// refused, line breaks only in recovery codes, and it has a size limit; a TOTP seed must be base32.
// Refusals name the field and never repeat what was sent.

export const MAX_SECRET = 4000;

const line = (max: number, empty: string, long: string) => z.string({ error: empty }).transform(oneLine).pipe(z.string().min(1, empty).max(max, long));
const optionalLine = (max: number, long: string) => z.string({ error: long }).transform(oneLine).pipe(z.string().max(max, long)).optional();

export const tool = line(80, "Name the tool.", "Keep the tool's name under 80 characters.");
export const url = z
  .string({ error: "Enter the address as https://…" })
  .max(500, "Keep the address under 500 characters.")
  .refine((value) => value === "" || /^https?:\/\/[^\s]+$/i.test(value), "Enter the address as https://…")
  .optional();
export const username = optionalLine(200, "Keep the username under 200 characters.");
export const notes = z.string({ error: "Keep the notes under 2000 characters." }).max(2000, "Keep the notes under 2000 characters.").refine((value) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value), "Notes can only hold text.").optional();
export const kind = z.enum(SecretKinds, { error: "Choose a password, recovery codes or an authenticator seed." });

const secretText = z.string({ error: "Enter the secret." }).min(1, "Enter the secret.").max(MAX_SECRET, `Keep the secret under ${MAX_SECRET} characters.`);

/** The secret, checked for its kind; answers it as it will be sealed (a seed in plain base32). */
export const secretOf = <T extends { kind: (typeof SecretKinds)[number]; secret: string }>(value: T, ctx: z.RefinementCtx): T => {
  const binary = value.kind === "recovery_codes" ? /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/ : /[\u0000-\u001f\u007f]/;
  if (binary.test(value.secret)) {
    ctx.addIssue({ code: "custom", path: ["secret"], message: value.kind === "recovery_codes" ? "The secret can only hold text." : "The secret can only hold text on one line." });
    return value;
  }
  if (value.kind === "totp") {
    const seed = normalizeSeed(value.secret);
    if (!seed) ctx.addIssue({ code: "custom", path: ["secret"], message: "An authenticator seed is 16 or more letters A–Z and digits 2–7." });
    return { ...value, secret: seed ?? value.secret };
  }
  return value;
};

export const createSchema = z
  .strictObject({ tool, url, username, notes, kind, secret: secretText, accessRequestId: idOf("vaultAccessRequest", "That access request is not valid.").optional() })
  .transform(secretOf);

export const editSchema = z.strictObject({ version, tool: tool.optional(), url, username, notes });

export const rotateSchema = z.strictObject({ version, kind, secret: secretText }).transform(secretOf);

export const listSchema = z.strictObject({ clientId: idOf("client", "Choose the client.").optional() });

export const revealSchema = z.strictObject({
  reason: z.string({ error: "Say why you need it." }).transform(oneLine).pipe(z.string().min(3, "Say why you need it.").max(300, "Keep the reason under 300 characters.")).optional(),
  taskId: idOf("task", "Choose the task you need it for.").optional(),
});

export const taskEntriesSchema = z.strictObject({ vaultEntryIds: z.array(idOf("vaultEntry", "Choose entries of this client's vault."), { error: "Choose entries of this client's vault." }).max(50, "Name at most 50 entries.") });

export const accessRequestSchema = z.strictObject({ clientId: idOf("client", "Choose the client."), tool, note: notes });

export const logSchema = pageQuery.extend({ clientId: idOf("client", "Choose the client.").optional() });
