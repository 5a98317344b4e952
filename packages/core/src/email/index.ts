import { render, type EmailBrand, type RenderedEmail } from "./layout.ts";
import { message, type MessageKey } from "./messages.ts";

export * as Email from "./index.ts";
export { flushOutbox, later, laterIn, send, sentByThisRunIn } from "./send.ts";
export { waiting as waitingEmails } from "./outbox.ts";
export { sendAll, type Outgoing } from "./batch.ts";
export { escapeHtml, oneLineSubject, type Attachment, type EmailBrand, type RenderedEmail } from "./layout.ts";
export * as Feedback from "./feedback.ts";

export type Locale = "en" | "el" | "hi";

/** One link per agency the address belongs to; with one, the email is that agency's (its brand, its name in the subject). */
export function signInLink(input: { locale: Locale; links: { agency: string; url: string; brand?: EmailBrand | null }[] }): RenderedEmail {
  const { locale } = input;
  const only = input.links.length === 1 ? input.links[0]! : null;
  return render(
    only ? message(locale, "signIn.subject", { agency: only.agency }) : message(locale, "signIn.subjectSeveral"),
    [
      ...input.links.flatMap(({ agency, url }) => [
        { type: "paragraph" as const, text: message(locale, "signIn.intro", { agency }) },
        { type: "button" as const, label: message(locale, "signIn.button", { agency }), url },
      ]),
      { type: "note", text: message(locale, "signIn.expiry") },
    ],
    locale,
    only?.brand,
  );
}

export function invitation(input: {
  locale: Locale;
  kind: "member" | "contact";
  agency: string;
  name: string;
  url: string;
  brand?: EmailBrand | null;
}): RenderedEmail {
  const { locale, agency, name } = input;
  return render(
    message(locale, input.kind === "member" ? "invite.member.subject" : "invite.contact.subject", { agency }),
    [
      {
        type: "paragraph",
        text: message(locale, input.kind === "member" ? "invite.member.intro" : "invite.contact.intro", { agency, name }),
      },
      { type: "button", label: message(locale, "invite.button"), url: input.url },
      { type: "note", text: message(locale, "invite.expiry") },
    ],
    locale,
    input.brand,
  );
}

export type Notice =
  | "requestSubmitted"
  | "requestReceived"
  | "requestDeclined"
  | "taskAssigned"
  | "taskReturned"
  | "readyForApproval"
  | "approved"
  | "revisionRequested"
  | "invoiceSent"
  | "invoiceReminder"
  | "paymentReceived"
  | "paymentReceipt"
  | "creditNoteIssued"
  | "refundReceipt"
  | "creditReceived"
  | "clientOnboarded"
  | "requestAccepted"
  | "readyForQa"
  | "hoursAlert"
  | "hoursUsedUp"
  | "hoursPaused"
  | "hoursAsk"
  | "hoursAlertOwner"
  | "hoursUsedUpOwner"
  | "quoteSent"
  | "quoteAccepted"
  | "quoteDeclined"
  | "quoteExpiring"
  | "quoteExpired"
  | "payoutIssued"
  | "payoutPaid"
  | "autopayDeclined"
  | "autopayNeedsAuth"
  | "autopayFailedOwner"
  | "webhookDisabled"
  | "vaultAccessRequested"
  | "vaultRotate";

/**
 * A feedback survey: the question and one link per score (1–5 for CSAT, 0–10 for NPS), each of
 * which records that score in one click. `params` fills the texts: agency, name, and for CSAT
 * the request's reference and title.
 */
export function survey(input: {
  locale: Locale;
  kind: "csat" | "nps";
  params: Record<string, string>;
  links: { score: number; url: string }[];
  days: number;
  quiet: number;
  brand?: EmailBrand | null;
}): RenderedEmail {
  const { locale, kind, params } = input;
  return render(
    message(locale, `survey.${kind}.subject`, params),
    [
      { type: "paragraph", text: message(locale, `survey.${kind}.intro`, params) },
      { type: "paragraph", text: message(locale, `survey.${kind}.question`, params) },
      { type: "scores", links: input.links, low: message(locale, `survey.${kind}.low`), high: message(locale, `survey.${kind}.high`) },
      { type: "note", text: message(locale, "survey.howTo", { days: String(input.days) }) },
      { type: "note", text: message(locale, input.quiet > 0 ? "survey.footer" : "survey.footerPlain", { ...params, quiet: String(input.quiet) }) },
    ],
    locale,
    input.brand,
  );
}

/** The survey's question as the survey page shows it, in the contact's language. */
export function surveyQuestion(locale: Locale, kind: "csat" | "nps", params: Record<string, string>): string {
  return message(locale, `survey.${kind}.question`, params);
}

/** A hand-off notification: one sentence, one button to the place where the next step happens. */
export function notice(input: { locale: Locale; kind: Notice; params: Record<string, string>; url: string; brand?: EmailBrand | null }): RenderedEmail {
  const { locale, kind, params } = input;
  const key = (part: "subject" | "intro" | "button") => `notify.${kind}.${part}` as MessageKey;
  return render(
    message(locale, key("subject"), params),
    [
      { type: "paragraph", text: message(locale, key("intro"), params) },
      { type: "button", label: message(locale, key("button"), params), url: input.url },
      { type: "note", text: message(locale, "notify.footer", params) },
    ],
    locale,
    input.brand,
  );
}

/**
 * New messages a person hasn't read, one email for several (the notification job batches them):
 * a line per request with its count and the latest message's first words, and a button to each.
 */
export function newMessages(input: {
  locale: Locale;
  agency: string;
  items: { reference: string; title: string; count: number; internal: boolean; name: string; excerpt: string; url: string }[];
  brand?: EmailBrand | null;
}): RenderedEmail {
  const { locale, agency, items } = input;
  const plural = (count: number) => (count === 1 ? "one" : "other");
  const first = items[0]!;
  const subject =
    items.length === 1
      ? message(locale, `messages.subject.${plural(first.count)}`, { count: String(first.count), reference: first.reference, title: first.title })
      : message(locale, "messages.subject.several", { count: String(items.length) });
  return render(
    subject,
    [
      { type: "paragraph", text: message(locale, "messages.intro", { agency }) },
      ...items.flatMap((item) => [
        {
          type: "paragraph" as const,
          text: `${message(locale, `messages.item.${plural(item.count)}`, { reference: item.reference, title: item.title, count: String(item.count), name: item.name, excerpt: item.excerpt })}${item.internal ? ` ${message(locale, "messages.internal")}` : ""}`,
        },
        { type: "button" as const, label: message(locale, "messages.button", { reference: item.reference }), url: item.url },
      ]),
      { type: "note", text: message(locale, "messages.footer", { agency }) },
    ],
    locale,
    input.brand,
  );
}
