import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

// Envelope encryption's outer layer: a provider wraps and unwraps each agency's data key. On AWS
// that is KMS (the key infra/vault.ts makes, named by BATON_VAULT_KMS_KEY); locally a 256-bit key
// in a file of the data folder, made on first start. Everything after the unwrap is the same code.

export type KeyProvider = {
  name: "kms" | "local";
  /** A new 256-bit data key: its plaintext (kept in memory only) and its wrapped form (stored). */
  generateDataKey(agencyId: string): Promise<{ plaintext: Buffer; wrapped: string }>;
  /** The plaintext of a wrapped data key; throws if it was wrapped for another agency or altered. */
  unwrap(agencyId: string, wrapped: string): Promise<Buffer>;
};

/** Where the local key lives: BATON_VAULT_KEY_FILE, else `vault.key` in the data folder. */
export function localKeyFile(): string {
  return process.env.BATON_VAULT_KEY_FILE || resolve(process.env.BATON_DATA_DIR ?? ".baton", "vault.key");
}

/** Reads the local key file, making it (32 random bytes, readable by its owner only) the first time. */
export function ensureLocalKey(file = localKeyFile()): Buffer {
  try {
    const key = Buffer.from(readFileSync(file, "utf8").trim(), "base64");
    if (key.length !== 32) throw new Error(`${file} does not hold a 256-bit key`);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    mkdirSync(dirname(file), { recursive: true });
    // `wx`: of two processes starting at once, one writes and the other reads what it wrote.
    try {
      writeFileSync(file, randomBytes(32).toString("base64"), { flag: "wx", mode: 0o600 });
      chmodSync(file, 0o600);
    } catch (raced) {
      if ((raced as NodeJS.ErrnoException).code !== "EEXIST") throw raced;
    }
    return ensureLocalKey(file);
  }
}

/** The local provider: AES-256-GCM under the key file's key, the agency id as authenticated data. */
export function localProvider(file = localKeyFile()): KeyProvider {
  return {
    name: "local",
    async generateDataKey(agencyId) {
      const plaintext = randomBytes(32);
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", ensureLocalKey(file), iv).setAAD(Buffer.from(agencyId));
      const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      return { plaintext, wrapped: [iv, cipher.getAuthTag(), body].map((part) => part.toString("base64url")).join(".") };
    },
    async unwrap(agencyId, wrapped) {
      const [iv, tag, body] = wrapped.split(".").map((part) => Buffer.from(part, "base64url"));
      if (!iv || !tag || !body) throw new Error("malformed wrapped key");
      const decipher = createDecipheriv("aes-256-gcm", ensureLocalKey(file), iv).setAAD(Buffer.from(agencyId)).setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]);
    },
  };
}

/** The commands the KMS provider sends, so its use of KMS can be checked without AWS. */
export type KmsSend = (command: { name: "GenerateDataKey" | "Decrypt"; input: Record<string, unknown> }) => Promise<{ Plaintext?: Uint8Array; CiphertextBlob?: Uint8Array }>;

/** The KMS provider: GenerateDataKey and Decrypt on one key, the agency id as encryption context. */
export function kmsProvider(keyId: string, send: KmsSend = awsSend): KeyProvider {
  const context = (agencyId: string) => ({ agencyId });
  return {
    name: "kms",
    async generateDataKey(agencyId) {
      const answer = await send({ name: "GenerateDataKey", input: { KeyId: keyId, KeySpec: "AES_256", EncryptionContext: context(agencyId) } });
      if (!answer.Plaintext || !answer.CiphertextBlob) throw new Error("KMS answered no data key");
      return { plaintext: Buffer.from(answer.Plaintext), wrapped: Buffer.from(answer.CiphertextBlob).toString("base64") };
    },
    async unwrap(agencyId, wrapped) {
      const answer = await send({ name: "Decrypt", input: { KeyId: keyId, CiphertextBlob: Buffer.from(wrapped, "base64"), EncryptionContext: context(agencyId) } });
      if (!answer.Plaintext) throw new Error("KMS answered no plaintext");
      return Buffer.from(answer.Plaintext);
    },
  };
}

let kms: Promise<KmsSend> | undefined;
/** The AWS SDK's KMS client, loaded on first use (the local runtime never loads it). */
const awsSend: KmsSend = async (command) => {
  kms ??= import("@aws-sdk/client-kms").then(({ KMSClient, GenerateDataKeyCommand, DecryptCommand }) => {
    const client = new KMSClient({});
    return (({ name, input }) => (name === "Decrypt" ? client.send(new DecryptCommand(input as never)) : client.send(new GenerateDataKeyCommand(input as never)))) as KmsSend;
  });
  return (await kms)(command);
};

/** The installation's provider: KMS where the deploy names a key, the local key file otherwise (never on Lambda). */
export function provider(): KeyProvider {
  const keyId = process.env.BATON_VAULT_KMS_KEY;
  if (keyId) return kmsProvider(keyId);
  if (process.env.AWS_LAMBDA_FUNCTION_NAME) throw new Error("BATON_VAULT_KMS_KEY is not set: the vault has no key on Lambda");
  return localProvider();
}
