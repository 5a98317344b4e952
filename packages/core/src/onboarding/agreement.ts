import { createHash } from "node:crypto";
import type { Agreement } from "./kit.ts";

// The agreement a client accepts is one Markdown text, composed from the kit's sections when the
// owner starts the onboarding and kept as it was. What the contact accepts is pinned by the
// SHA-256 of exactly that text (UTF-8), which the portal sends back with the acceptance.
//
// The headings the server writes are English (like the audit log); the sections are the owner's
// own words, in whatever language they wrote them.

const SECTIONS: ReadonlyArray<[keyof Agreement, string]> = [
  ["scope", "Scope"],
  ["deliverables", "Deliverables"],
  ["paymentTerms", "Payment terms"],
  ["confidentiality", "Confidentiality"],
];

/** Deterministic: the same names and sections always give the same text. Empty sections are left out. */
export function agreementText(agency: string, client: string, agreement: Agreement): string {
  const parts = [`# Agreement between ${agency} and ${client}`];
  for (const [key, heading] of SECTIONS) {
    const body = agreement[key].trim();
    if (body) parts.push(`## ${heading}\n\n${body}`);
  }
  return parts.join("\n\n");
}

/** The SHA-256 of the text's UTF-8 bytes, lower-case hex. */
export function agreementDigest(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
