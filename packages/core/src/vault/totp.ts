import { createHmac } from "node:crypto";

// RFC 6238 time-based codes (SHA-1, 6 digits, 30 seconds): what an authenticator app shows, so a
// subcontractor can sign in without ever holding the seed.

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** A base32 seed as typed (spaces, lower case, padding allowed) in its plain form, or null if it isn't base32. */
export function normalizeSeed(seed: string): string | null {
  const plain = seed.replace(/[\s-]/g, "").replace(/=+$/, "").toUpperCase();
  return /^[A-Z2-7]{16,128}$/.test(plain) ? plain : null;
}

function base32(seed: string): Buffer {
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const char of seed) {
    value = (value << 5) | ALPHABET.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** The code for the 30-second step holding `now`, and the seconds it has left. */
export function totp(seed: string, now = Date.now()): { code: string; secondsLeft: number } {
  const step = Math.floor(now / 1000 / 30);
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const hmac = createHmac("sha1", base32(seed)).update(counter).digest();
  const offset = hmac[hmac.length - 1]! & 0x0f;
  const number = (hmac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return { code: String(number).padStart(6, "0"), secondsLeft: 30 - (Math.floor(now / 1000) % 30) };
}
