import { Config } from "../config/index.ts";
import type { Locale } from "../email/index.ts";
import { text, type TextKey } from "../i18n/index.ts";
import { isEventType, TEST_EVENT } from "./catalogue.ts";

// Slack and Microsoft Teams (issue 19 item 2): an event as a readable message in the endpoint's
// language, with a link into the team app. Only what a channel may see: the event, the resource's
// title or number, its client and reference. Never a message's or survey's text, an amount or any
// secret (the endpoint's signing secret is for webhooks only).

type Summary = { heading: string; title: string; facts: { name: string; value: string }[]; link: string; linkLabel: string };

type Any = Record<string, unknown>;
const obj = (value: unknown): Any => (value && typeof value === "object" ? (value as Any) : {});
const str = (value: unknown): string => (typeof value === "string" || typeof value === "number" ? String(value) : "");
/** A channel message is plain text: control characters out, long values cut. */
const clean = (value: string, max = 140) => {
  const line = value.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};

/** The parts of an event every format shows. */
export function summarize(type: string, resource: unknown, locale: Locale): Summary {
  const outer = obj(resource);
  const item = obj(outer.request ?? outer.task ?? outer.invoice ?? outer.client ?? outer);
  const kind = type.split(".")[0];
  const id = str(item.id);
  const web = Config.webUrl;
  const heading = text(locale, (isEventType(type) || type === TEST_EVENT ? `chat.event.${type}` : "chat.event.webhook.test") as TextKey);
  const facts: Summary["facts"] = [];
  const clientName = str(item.clientName) || str(obj(item.client).name) || str(outer.clientName);
  if (clientName && kind !== "client") facts.push({ name: text(locale, "chat.client"), value: clean(clientName) });
  const reference = str(item.reference) || str(item.number) || str(item.requestReference);
  if (reference) facts.push({ name: text(locale, "chat.reference"), value: clean(reference) });
  if (kind === "survey" && item.score !== undefined && item.score !== null) facts.push({ name: text(locale, "chat.score"), value: str(item.score) });
  const title =
    type === TEST_EVENT ? text(locale, "chat.testBody") : kind === "message" || kind === "survey" ? "" : clean(str(item.title) || str(item.name) || str(item.number) || reference, 200);
  const path =
    kind === "request" ? `/requests/${id}` :
    kind === "task" ? `/tasks/${id}` :
    kind === "invoice" ? `/invoices/${id}` :
    kind === "client" ? `/clients/${id}` :
    kind === "message" ? `/requests/${str(item.requestId)}` :
    type === TEST_EVENT ? "/settings/integrations" : "/";
  return { heading, title, facts, link: `${web}${path}`, linkLabel: text(locale, "chat.open") };
}

/** Slack's incoming-webhook body: a fallback `text` and Block Kit `blocks` (header, section with fields, a link button). */
export function slackMessage(type: string, resource: unknown, locale: Locale): unknown {
  const s = summarize(type, resource, locale);
  const escape = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const blocks: unknown[] = [{ type: "header", text: { type: "plain_text", text: clean(s.heading, 150), emoji: true } }];
  if (s.title) blocks.push({ type: "section", text: { type: "mrkdwn", text: escape(s.title) } });
  if (s.facts.length) blocks.push({ type: "section", fields: s.facts.map((fact) => ({ type: "mrkdwn", text: `*${escape(fact.name)}*\n${escape(fact.value)}` })) });
  blocks.push({ type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: s.linkLabel }, url: s.link }] });
  return { text: [s.heading, s.title].filter(Boolean).join(": "), blocks };
}

/** Teams' incoming-webhook body: a MessageCard with a title, text, facts and an OpenUri action. */
export function teamsMessage(type: string, resource: unknown, locale: Locale): unknown {
  const s = summarize(type, resource, locale);
  return {
    "@type": "MessageCard",
    "@context": "https://schema.org/extensions",
    summary: s.heading,
    themeColor: "2F6FEB",
    title: s.heading,
    ...(s.title ? { text: s.title } : {}),
    sections: s.facts.length ? [{ facts: s.facts }] : [],
    potentialAction: [{ "@type": "OpenUri", name: s.linkLabel, targets: [{ os: "default", uri: s.link }] }],
  };
}
