// The client vault: the area's table of contents. One file per job behind it:
//   entity.ts      the agency's wrapped data key, entries, the access log, task mentions, access requests
//   keys.ts        the key provider: KMS on AWS, a key file in the data folder locally
//   cipher.ts      the agency's data key; sealing and opening a secret (AES-256-GCM, tamper-evident)
//   totp.ts        the current code of an authenticator seed
//   store.ts       every access pattern of the area
//   entries.ts     the client's entries: list, add, edit, rotate, remove
//   reveal.ts      who may see a secret, the reason, the rate limit and the record
//   tasks.ts       the entries a task names
//   sop-tools.ts   a task made from an SOP names the client's entries of the tools the SOP lists
//   access-log.ts  the reveals of a client's logins
//   requests.ts    the owner asking a client for a login (a portal to-do)
//   offboarding.ts the checklist of what a leaver saw, the clients' reminders, and the client-ended checklist
// No list, log line, email, export or error carries a secret.

export * as Vault from "./index.ts";
export * from "./output.ts";
export { SecretKinds } from "./entity.ts";
export type { VaultEntry, VaultAccess, AccessRequest } from "./present.ts";
export { ensureLocalKey, localKeyFile, localProvider, kmsProvider, type KeyProvider } from "./keys.ts";
export { create, edit, list, remove, rotate } from "./entries.ts";
export { reveal, REVEAL_LIMIT, type Revealed } from "./reveal.ts";
// The reveal's two steps, apart: tests/api/vault.test.ts commits a reveal checked before a reassignment.
export { authorize as authorizeReveal, record as recordReveal } from "./reveal.ts";
export { ofTask, setForTask } from "./tasks.ts";
export { nameSopTools } from "./sop-tools.ts";
export { log } from "./access-log.ts";
export { requestAccess } from "./requests.ts";
export { checklist, clientChecklist, memberLeft } from "./offboarding.ts";
