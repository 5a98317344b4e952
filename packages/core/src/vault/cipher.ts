import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { VisibleError } from "../error/index.ts";
import { Log } from "../log/index.ts";
import { provider, type KeyProvider } from "./keys.ts";
import { VaultStore } from "./store.ts";

// Envelope encryption's inner layer: each secret is sealed with AES-256-GCM under its agency's data
// key, with the agency, client and entry as authenticated data, so a ciphertext altered, or moved
// to another entry or client, fails to open instead of showing someone else's login.

/** Unwrapped data keys, per agency, for this process's life (a reveal shouldn't cost a KMS call each). */
const cache = new Map<string, Promise<Buffer>>();

/** The agency's data key: unwrapped from the stored one, or made and stored on the first entry. */
export function dataKey(agencyId: string, keys: KeyProvider = provider()): Promise<Buffer> {
  const cached = cache.get(agencyId);
  if (cached) return cached;
  const loading = (async () => {
    const stored = await VaultStore.loadKey(agencyId);
    if (stored) return keys.unwrap(agencyId, stored.wrapped);
    const made = await keys.generateDataKey(agencyId);
    // Of two first entries at once, one key is kept: the loser unwraps the winner's.
    if (await VaultStore.createKey(agencyId, keys.name, made.wrapped)) return made.plaintext;
    const winner = (await VaultStore.loadKey(agencyId, { consistent: true }))!;
    return keys.unwrap(agencyId, winner.wrapped);
  })();
  cache.set(agencyId, loading);
  loading.catch(() => cache.delete(agencyId));
  return loading;
}

export type Binding = { agencyId: string; clientId: string; vaultEntryId: string };
const aad = ({ agencyId, clientId, vaultEntryId }: Binding) => Buffer.from(`${agencyId}/${clientId}/${vaultEntryId}`);

/** Seals a secret for one entry. */
export function seal(key: Buffer, binding: Binding, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv).setAAD(aad(binding));
  const body = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), body].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

/** Opens a sealed secret; a ciphertext that fails its check is refused (422 vault.tampered) and nothing is shown. */
export function open(key: Buffer, binding: Binding, sealed: string): string {
  try {
    const [version, iv, tag, body] = sealed.split(".");
    if (version !== "v1" || !iv || !tag || body === undefined) throw new Error("malformed");
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url")).setAAD(aad(binding)).setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    Log.warn("vault: a sealed secret failed its integrity check", { vaultEntryId: binding.vaultEntryId, clientId: binding.clientId });
    throw tampered();
  }
}

export const tampered = () =>
  new VisibleError("rule", "vault.tampered", "This secret failed its integrity check, so it was not shown. Ask the client to enter it again.");
