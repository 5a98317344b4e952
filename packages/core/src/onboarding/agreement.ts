import { createHash } from "node:crypto";
import type { Locale } from "../email/index.ts";
import { message, type MessageKey } from "../email/messages.ts";
import type { ClientOnboardingItem } from "./entity.ts";
import type { Agreement } from "./kit.ts";

// The agreement a client accepts is Markdown composed from parts snapshotted when the owner starts
// the onboarding: the agency's and the client's names and the kit's four sections, kept as they
// were. The headings are the server's words, so they are written in the reader's language (the
// `agreement.*` keys of core's message catalogues); the sections are the owner's own words, in
// whatever language they wrote them. Composing is deterministic: the same locale and parts always
// give the same text, so what a reader was shown can be composed again on acceptance.
//
// What the contact accepts is pinned by the SHA-256 of exactly the text they were shown (UTF-8),
// which the portal sends back. The acceptance keeps that text, its digest and its locale; from
// then on everyone, in any language, is shown the accepted text and nothing else.
//
// Onboardings started before the parts were kept hold only `agreementText` (composed with English
// headings): every reader is shown that text as it is, in every locale.

/** The agreement as snapshotted at start: what the text is composed from. */
export type AgreementParts = Agreement & { agency: string; client: string };

const SECTIONS: ReadonlyArray<[keyof Agreement, MessageKey]> = [
  ["scope", "agreement.scope"],
  ["deliverables", "agreement.deliverables"],
  ["paymentTerms", "agreement.paymentTerms"],
  ["confidentiality", "agreement.confidentiality"],
];

/** Deterministic: the same locale, names and sections always give the same text. Empty sections are left out. */
export function agreementText(locale: Locale, parts: AgreementParts): string {
  const text = [`# ${message(locale, "agreement.title", { agency: parts.agency, client: parts.client })}`];
  for (const [key, heading] of SECTIONS) {
    const body = parts[key].trim();
    if (body) text.push(`## ${message(locale, heading)}\n\n${body}`);
  }
  return text.join("\n\n");
}

/** The SHA-256 of the text's UTF-8 bytes, lower-case hex. */
export function agreementDigest(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * The agreement a reader in `locale` is shown, and the language it is in: the accepted text once
 * accepted; before that, composed in the reader's language (or an old onboarding's stored text).
 */
export function shownAgreement(item: ClientOnboardingItem, locale: Locale): { text: string; locale: Locale } {
  if (item.agreementAt && item.acceptedText !== undefined) return { text: item.acceptedText, locale: item.agreementLocale ?? "en" };
  return composedAgreement(item, locale);
}

/** The unaccepted agreement in `locale`: what an acceptance in that locale must hash to. */
export function composedAgreement(item: ClientOnboardingItem, locale: Locale): { text: string; locale: Locale } {
  if (item.agreement) return { text: agreementText(locale, item.agreement), locale };
  return { text: item.agreementText ?? "", locale: "en" };
}
