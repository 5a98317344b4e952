import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ensureLocalKey, kmsProvider, localProvider, type KmsSend } from "../../packages/core/src/vault/keys.ts";
import { open, seal } from "../../packages/core/src/vault/cipher.ts";
import { normalizeSeed, totp } from "../../packages/core/src/vault/totp.ts";

// The vault's crypto on its own: sealing round trips, any change to a sealed secret (or its move
// to another entry) is refused, the local key file, the KMS provider's calls, and RFC 6238 codes.

const binding = { agencyId: "agy_1", clientId: "cli_1", vaultEntryId: "vlt_1" };
const keyFile = () => join(mkdtempSync(join(tmpdir(), "baton-vault-")), "vault.key");

describe("sealing a secret", () => {
  it("opens what it sealed, and seals the same secret differently each time", () => {
    const key = randomBytes(32);
    const sealed = seal(key, binding, "hunter2 ✓ κωδικός");
    expect(open(key, binding, sealed)).toBe("hunter2 ✓ κωδικός");
    expect(seal(key, binding, "hunter2 ✓ κωδικός")).not.toBe(sealed);
    expect(sealed).not.toContain("hunter2");
  });

  it("refuses a changed ciphertext, tag or iv, another key, and another entry's binding", () => {
    const key = randomBytes(32);
    const sealed = seal(key, binding, "hunter2");
    const [v, iv, tag, body] = sealed.split(".") as [string, string, string, string];
    const flip = (part: string) => {
      const bytes = Buffer.from(part, "base64url");
      bytes[0] = bytes[0]! ^ 1;
      return bytes.toString("base64url");
    };
    for (const bad of [[v, iv, tag, flip(body)], [v, iv, flip(tag), body], [v, flip(iv), tag, body], ["v2", iv, tag, body], [v, iv, tag]]) {
      expect(() => open(key, binding, bad.join("."))).toThrow(expect.objectContaining({ code: "vault.tampered" }));
    }
    expect(() => open(randomBytes(32), binding, sealed)).toThrow(expect.objectContaining({ code: "vault.tampered" }));
    expect(() => open(key, { ...binding, vaultEntryId: "vlt_2" }, sealed)).toThrow(expect.objectContaining({ code: "vault.tampered" }));
    expect(() => open(key, { ...binding, clientId: "cli_2" }, sealed)).toThrow(expect.objectContaining({ code: "vault.tampered" }));
  });

  it("names no secret in the refusal", () => {
    const key = randomBytes(32);
    const sealed = seal(key, binding, "hunter2");
    try {
      open(randomBytes(32), binding, sealed);
    } catch (error) {
      expect(String((error as Error).message)).not.toContain("hunter2");
    }
  });
});

describe("the local key provider", () => {
  it("makes a 256-bit key file readable by its owner only on first use, and keeps it", () => {
    const file = keyFile();
    const key = ensureLocalKey(file);
    expect(key).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(ensureLocalKey(file).equals(key)).toBe(true);
    expect(readFileSync(file, "utf8")).toBe(key.toString("base64"));
  });

  it("wraps a data key for one agency: unwrapped by it, refused for another or when changed", async () => {
    const keys = localProvider(keyFile());
    const { plaintext, wrapped } = await keys.generateDataKey("agy_1");
    expect(plaintext).toHaveLength(32);
    expect((await keys.unwrap("agy_1", wrapped)).equals(plaintext)).toBe(true);
    await expect(keys.unwrap("agy_2", wrapped)).rejects.toThrow();
    // A byte of the wrapped key changed (its bytes, not its text: the last base64 letter carries
    // unused bits, and changing only those changes nothing).
    const [iv, tag, body] = wrapped.split(".");
    const changed = Buffer.from(body!, "base64url");
    changed[changed.length - 1] = changed[changed.length - 1]! ^ 1;
    await expect(keys.unwrap("agy_1", [iv, tag, changed.toString("base64url")].join("."))).rejects.toThrow();
    // Another installation's key file can't unwrap it.
    await expect(localProvider(keyFile()).unwrap("agy_1", wrapped)).rejects.toThrow();
  });
});

describe("the KMS key provider", () => {
  it("asks KMS for an AES-256 data key and to decrypt it, always with the agency as encryption context", async () => {
    const calls: Parameters<KmsSend>[0][] = [];
    const plaintext = randomBytes(32);
    const blob = randomBytes(64);
    const send: KmsSend = async (command) => {
      calls.push(command);
      return command.name === "GenerateDataKey" ? { Plaintext: plaintext, CiphertextBlob: blob } : { Plaintext: plaintext };
    };
    const keys = kmsProvider("arn:aws:kms:us-east-1:123456789012:key/abc", send);
    const made = await keys.generateDataKey("agy_1");
    expect(made.plaintext.equals(plaintext)).toBe(true);
    expect((await keys.unwrap("agy_1", made.wrapped)).equals(plaintext)).toBe(true);
    expect(calls.map((call) => call.name)).toEqual(["GenerateDataKey", "Decrypt"]);
    expect(calls[0]!.input).toMatchObject({ KeyId: "arn:aws:kms:us-east-1:123456789012:key/abc", KeySpec: "AES_256", EncryptionContext: { agencyId: "agy_1" } });
    expect(calls[1]!.input).toMatchObject({ EncryptionContext: { agencyId: "agy_1" } });
    expect(Buffer.from(calls[1]!.input.CiphertextBlob as Uint8Array).equals(blob)).toBe(true);
  });
});

describe("TOTP", () => {
  // RFC 6238 appendix B, SHA-1 (the seed "12345678901234567890"), last 6 of its 8 digits.
  it.each([
    [59, "287082"],
    [1111111109, "081804"],
    [1234567890, "005924"],
    [2000000000, "279037"],
  ])("at %i s shows %s", (seconds, code) => {
    const seed = normalizeSeed("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")!;
    expect(totp(seed, seconds * 1000).code).toBe(code);
  });

  it("reads a seed as people type it, and refuses what isn't base32", () => {
    expect(normalizeSeed("jbsw y3dp ehpk 3pxp")).toBe("JBSWY3DPEHPK3PXP");
    expect(normalizeSeed("not a seed!")).toBeNull();
    expect(normalizeSeed("JBSW")).toBeNull();
  });
});
