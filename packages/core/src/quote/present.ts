import { createHash } from "node:crypto";
import { todayIn } from "@baton/kernel/dates";
import type { Viewer } from "../actor/viewer.ts";
import type { Locale } from "../email/index.ts";
import { message } from "../email/messages.ts";
import { Money } from "../money/index.ts";
import type { QuoteItem } from "./entity.ts";

// A quote as the apps read it, and the text a client accepts. The text is composed from the
// stored quote in the reader's language, deterministically (as the onboarding agreement's), so
// what a contact was shown can be composed again when they accept and its SHA-256 compared.

export const QuoteActions = ["edit", "send", "accept", "decline"] as const;
export type QuoteAction = (typeof QuoteActions)[number];
export type QuoteStatus = QuoteItem["status"] | "expired";

export type QuoteLine = { kind: "package" | "custom"; packageId: string | null; description: string; quantity: number; unitAmount: number; amount: number };

export type Quote = {
  id: string;
  /** "Q-0001" once sent; null while a draft. */
  number: string | null;
  clientId: string;
  clientName: string;
  requestId: string | null;
  title: string;
  status: QuoteStatus;
  currency: string;
  lines: QuoteLine[];
  subtotal: number;
  taxName: string;
  taxRate: number;
  tax: number;
  total: number;
  depositPercent: number;
  depositAmount: number;
  validUntil: string;
  terms: string | null;
  sentAt: string | null;
  answeredAt: string | null;
  answeredBy: string | null;
  declineReason: string | null;
  acceptance: { fullName: string; sha256: string; ip: string | null; locale: string } | null;
  depositInvoiceId: string | null;
  /** The text a contact accepts, in the viewer's language (once accepted: the accepted text), and its SHA-256. */
  text: string;
  sha256: string;
  can: QuoteAction[];
  createdAt: string;
  updatedAt: string;
  version: number;
};

export const quoteNumber = (number: number) => (number ? `Q-${String(number).padStart(4, "0")}` : null);

/** A sent quote is expired once the client's calendar has passed its validity date. */
export function statusOf(item: QuoteItem, clientTimeZone: string): QuoteStatus {
  return item.status === "sent" && item.validUntil < todayIn(clientTimeZone) ? "expired" : item.status;
}

export function depositOf(item: Pick<QuoteItem, "subtotal" | "depositPercent">): number {
  return item.depositPercent ? Money.percentOf(item.subtotal, item.depositPercent) : 0;
}

/** What the viewer may do to it now: the owner edits until it is answered and sends a draft; the client answers a quote still open. */
export function can(viewer: Viewer, item: QuoteItem, status: QuoteStatus): QuoteAction[] {
  if (!viewer.writes) return [];
  if (viewer.owner) return [...(status === "draft" || status === "sent" || status === "expired" ? (["edit"] as const) : []), ...(status === "draft" ? (["send"] as const) : [])];
  if (viewer.clientId === item.clientId && status === "sent") return ["accept", "decline"];
  return [];
}

const percent = (locale: Locale, basisPoints: number) => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(basisPoints / 10_000);
const day = (locale: Locale, date: string) => new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${date}T12:00:00Z`));

/** Deterministic: the same quote, names and locale always give the same Markdown. */
export function quoteText(locale: Locale, item: QuoteItem, names: { agency: string; client: string }): string {
  const money = (amount: number) => Money.format(amount, item.currency, locale);
  const text = [
    `# ${message(locale, "quote.text.title", { number: quoteNumber(item.number) ?? "", agency: names.agency, client: names.client })}`,
    `**${item.title}**`,
    item.lines.map((line) => `- ${line.quantity} × ${line.description} — ${money(line.amount)}`).join("\n"),
    [
      message(locale, "quote.text.subtotal", { amount: money(item.subtotal) }),
      ...(item.taxRate ? [message(locale, "quote.text.tax", { name: item.taxName, rate: percent(locale, item.taxRate), amount: money(item.tax) })] : []),
      `**${message(locale, "quote.text.total", { amount: money(item.total) })}**`,
    ].join("  \n"),
  ];
  if (item.depositPercent) text.push(message(locale, "quote.text.deposit", { percent: percent(locale, item.depositPercent), amount: money(depositOf(item)) }));
  text.push(message(locale, "quote.text.validUntil", { date: day(locale, item.validUntil) }));
  if (item.terms?.trim()) text.push(`## ${message(locale, "quote.text.terms")}\n\n${item.terms.trim()}`);
  text.push(message(locale, "quote.text.accept", { client: names.client }));
  return text.join("\n\n");
}

export const digestOf = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

export function present(item: QuoteItem, context: { clientName: string; clientTimeZone: string; agency: string; locale: Locale; viewer: Viewer }): Quote {
  const status = statusOf(item, context.clientTimeZone);
  const text = item.status === "accepted" && item.acceptedText !== undefined ? item.acceptedText : quoteText(context.locale, item, { agency: context.agency, client: context.clientName });
  return {
    id: item.quoteId,
    number: quoteNumber(item.number),
    clientId: item.clientId,
    clientName: context.clientName,
    requestId: item.requestId ?? null,
    title: item.title,
    status,
    currency: item.currency,
    lines: item.lines.map((line) => ({ kind: line.kind, packageId: line.packageId ?? null, description: line.description, quantity: line.quantity, unitAmount: line.unitAmount, amount: line.amount })),
    subtotal: item.subtotal,
    taxName: item.taxName,
    taxRate: item.taxRate,
    tax: item.tax,
    total: item.total,
    depositPercent: item.depositPercent,
    depositAmount: depositOf(item),
    validUntil: item.validUntil,
    terms: item.terms ?? null,
    sentAt: item.sentAt ?? null,
    answeredAt: item.answeredAt ?? null,
    answeredBy: item.answeredBy ?? null,
    declineReason: item.declineReason ?? null,
    acceptance:
      item.status === "accepted" && item.acceptedSha256
        ? { fullName: item.acceptedFullName ?? "", sha256: item.acceptedSha256, ip: item.acceptedIp ?? null, locale: item.acceptedLocale ?? "en" }
        : null,
    depositInvoiceId: item.depositInvoiceId ?? null,
    text,
    sha256: digestOf(text),
    can: can(context.viewer, item, status),
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    version: item.version,
  };
}
