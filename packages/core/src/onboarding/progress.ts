import { z } from "zod";
import { record as recordEvent } from "../webhook/record.ts";
import { assertContact, assertOwner, useActor } from "../actor/index.ts";
import { Audit } from "../audit/index.ts";
import { Client } from "../client/index.ts";
import type { ClientItem } from "../client/entity.ts";
import { Config } from "../config/index.ts";
import { staleWrite } from "../db/conflict.ts";
import { ClientStore } from "../client/store.ts";
import { db } from "../db/index.ts";
import { loadOnce } from "../lazy/index.ts";
import { failedConditions } from "../db/transaction.ts";
import type { Locale } from "../email/index.ts";
import { VisibleError, notFound } from "../error/index.ts";
import { version } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
import { Notify } from "../notify/index.ts";
import { agreementDigest, composedAgreement, shownAgreement } from "./agreement.ts";
import { answersField, checkAnswers, type Answers } from "./answers.ts";
import type { ClientOnboardingItem } from "./entity.ts";
import { loadKit, presentQuestions, type Question } from "./kit.ts";
import { AgencyStore } from "../agency/store.ts";
import { MemberStore } from "../member/store.ts";
import { ContactStore } from "../contact/store.ts";
import { changesFromAnswers, type AnswerField } from "../client/from-answers.ts";

// A client's onboarding: the owner starts it for a lead (the kit is copied onto it and the client
// becomes "onboarding"); the client's contacts then answer the questionnaire, accept the agreement
// and read the welcome packet, in any order. The step that completes the three also makes the
// client "active" in the same transaction and tells the agency's owners.

type Step = { done: boolean; at: string | null; by: string | null };

export type ClientOnboarding = {
  clientId: string;
  clientName: string;
  clientStatus: ClientItem["status"];
  /** null: never started (the rest is then empty). */
  startedAt: string | null;
  completedAt: string | null;
  questions: Question[];
  answers: Answers;
  steps: {
    questionnaire: Step;
    agreement: Step & { fullName: string | null; ip: string | null; sha256: string | null };
    packet: Step;
  };
  /**
   * The agreement (Markdown) in the viewer's language, exactly as an acceptance in that language
   * would keep it; once accepted, the accepted text as it was, whoever reads it.
   */
  agreementText: string;
  /** SHA-256 (hex) of agreementText's UTF-8 bytes: what an acceptance must send back. */
  agreementSha256: string;
  /** The language of agreementText's headings; null when never started. */
  agreementLocale: Locale | null;
  /** Markdown. */
  welcomePacket: string;
  /** 0 when never started. */
  version: number;
};

const step = (at: string | undefined, by: string | undefined): Step => ({ done: Boolean(at), at: at ?? null, by: by ?? null });

/** The onboarding as `locale`'s reader sees it (the agreement's headings in their language). */
export function present(client: ClientItem, item: ClientOnboardingItem | null, locale: Locale): ClientOnboarding {
  const shown = item ? shownAgreement(item, locale) : null;
  return {
    clientId: client.clientId,
    clientName: client.name,
    clientStatus: client.status,
    startedAt: item?.startedAt ?? null,
    completedAt: item?.completedAt ?? null,
    questions: item ? presentQuestions(item.questions) : [],
    answers: (item?.answers as Answers | undefined) ?? {},
    steps: {
      questionnaire: step(item?.questionnaireAt, item?.questionnaireBy),
      agreement: {
        ...step(item?.agreementAt, item?.agreementBy),
        fullName: item?.agreementFullName ?? null,
        ip: item?.agreementIp ?? null,
        sha256: item?.agreementSha256 ?? null,
      },
      packet: step(item?.packetAt, item?.packetBy),
    },
    agreementText: shown?.text ?? "",
    agreementSha256: shown ? agreementDigest(shown.text) : "",
    agreementLocale: shown?.locale ?? null,
    welcomePacket: item?.welcomePacket ?? "",
    version: item?.version ?? 0,
  };
}

export async function loadOnboarding(agencyId: string, clientId: string): Promise<ClientOnboardingItem | null> {
  return (await db.entities.clientOnboarding.get({ agencyId, clientId }).go({ consistent: true })).data;
}

const conflict = (code: string, message: string, current: ClientOnboarding) => new VisibleError("conflict", code, message, { current });

/** The owner's language (an API key or a job reads English, like the audit log). */
async function ownerLocale(agencyId: string): Promise<Locale> {
  const actor = useActor();
  if (actor.type !== "member") return "en";
  return (await MemberStore.load(agencyId, actor.memberId))?.locale ?? "en";
}

// ——— The owner ———

/** A client's onboarding as the owner follows it (startedAt null when never started). */
export async function forClient(clientId: string): Promise<ClientOnboarding> {
  const agencyId = assertOwner();
  const [client, item, locale] = await Promise.all([Client.load(agencyId, clientId), loadOnboarding(agencyId, clientId), ownerLocale(agencyId)]);
  if (!client) throw notFound("Client");
  return present(client, item, locale);
}

/** Starts a lead's onboarding with the kit as it is now; the client becomes "onboarding". */
export async function start(clientId: string): Promise<ClientOnboarding> {
  const agencyId = assertOwner();
  const client = await Client.load(agencyId, clientId);
  if (!client) throw notFound("Client");
  const [existing, locale] = await Promise.all([loadOnboarding(agencyId, clientId), ownerLocale(agencyId)]);
  if (existing) throw conflict("onboarding.started", "This client's onboarding has already started.", present(client, existing, locale));
  if (client.status !== "lead") {
    throw conflict("onboarding.not_lead", `Only a lead can start onboarding; this client is ${client.status}.`, present(client, null, locale));
  }
  const kit = await loadKit(agencyId);
  if (!kit || !kit.scope.trim()) {
    throw new VisibleError(
      "conflict",
      "onboarding.kit_incomplete",
      "Set up the onboarding kit first: the agreement needs at least its scope (Onboarding → Kit).",
    );
  }
  const agency = (await AgencyStore.load(agencyId));
  const agreement = {
    agency: agency?.name ?? "the agency",
    client: client.name,
    scope: kit.scope,
    deliverables: kit.deliverables,
    paymentTerms: kit.paymentTerms,
    confidentiality: kit.confidentiality,
  };
  const now = new Date().toISOString();
  const result = await db.transaction
    .write(({ clientOnboarding, ...tx }) => [
      clientOnboarding
        .create({ agencyId, clientId, startedAt: now, questions: kit.questions, agreement, welcomePacket: kit.welcomePacket, answers: {} })
        .commit(),
      ClientStore.changeItem(tx, agencyId, clientId, { status: "onboarding" }, "lead"),
      Audit.item(tx, Audit.event("onboarding.started", "client", clientId, { kitVersion: kit.version })),
    ])
    .go();
  const [current, after] = await Promise.all([Client.load(agencyId, clientId), loadOnboarding(agencyId, clientId)]);
  if (!current) throw notFound("Client");
  const failed = failedConditions(result);
  if (failed.length) {
    // Someone else started it, or changed the client's status, in the meantime.
    if (failed.includes(0) && after) throw conflict("onboarding.started", "This client's onboarding has already started.", present(current, after, locale));
    throw conflict("onboarding.not_lead", `Only a lead can start onboarding; this client is ${current.status}.`, present(current, after, locale));
  }
  return present(current, after, locale);
}

// ——— The client's contacts ———

/** The signed-in contact's company and its onboarding. */
async function ownOnboarding() {
  const actor = assertContact();
  const [client, item, contact] = await Promise.all([
    Client.load(actor.agencyId, actor.clientId),
    loadOnboarding(actor.agencyId, actor.clientId),
    // Consistent: a language just changed on the profile is the one the agreement is shown and accepted in.
    ContactStore.load(actor.agencyId, actor.contactId, { consistent: true }),
  ]);
  if (!client) throw notFound("Company");
  const locale: Locale = contact?.locale ?? "en";
  return { agencyId: actor.agencyId, clientId: actor.clientId, client, item, contactName: contact?.name ?? "", locale };
}

/** The contact's checklist with the agreement and the welcome packet also as HTML (safe as it is). */
export type MyOnboarding = ClientOnboarding & { agreementHtml: string; welcomePacketHtml: string };

// The portal shows the agreement and the packet as this HTML, so it ships no Markdown renderer
// (markdown-it was 85 % of its onboarding page). markdown-it itself loads with the first checklist
// a warm instance shows, as for SOPs, not at every cold start.
const markdown = loadOnce(() => import("../markdown/index.ts"));

/** The signed-in contact's onboarding checklist (startedAt null when it was never started). */
export async function mine(): Promise<MyOnboarding> {
  const [{ client, item, locale }, { renderMarkdown }] = await Promise.all([ownOnboarding(), markdown()]);
  const onboarding = present(client, item, locale);
  return { ...onboarding, agreementHtml: renderMarkdown(onboarding.agreementText), welcomePacketHtml: renderMarkdown(onboarding.welcomePacket) };
}

/** An onboarding a contact can still act on, at the version they read. */
function openItem(context: Awaited<ReturnType<typeof ownOnboarding>>, expected: number): ClientOnboardingItem {
  const { client, item, locale } = context;
  if (!item) throw conflict("onboarding.not_started", "Your onboarding has not started yet. The agency will let you know.", present(client, null, locale));
  if (item.completedAt) throw conflict("onboarding.completed", "Your onboarding is complete; it can't be changed any more.", present(client, item, locale));
  if (item.version !== expected) throw staleWrite("Your onboarding", present(client, item, locale));
  return item;
}

type StepChange = Partial<Pick<ClientOnboardingItem, "answers" | "questionnaireAt" | "questionnaireBy" | "agreementAt" | "agreementBy" | "agreementFullName" | "agreementIp" | "agreementSha256" | "acceptedText" | "agreementLocale" | "packetAt" | "packetBy">>;

/**
 * Writes one step's change on the version read, with its audit event; when this change leaves all
 * three steps done, the same transaction completes the onboarding and makes the client active.
 */
async function saveStep(
  context: Awaited<ReturnType<typeof ownOnboarding>>,
  item: ClientOnboardingItem,
  change: StepChange,
  action: string,
  data?: Record<string, unknown>,
  /** Client fields the submitted answers fill, written in the same transaction and audited. */
  clientFields: Partial<ClientItem> = {},
): Promise<ClientOnboarding> {
  const { agencyId, clientId, client, locale } = context;
  const merged = { ...item, ...change };
  const now = new Date().toISOString();
  const completes = Boolean(merged.questionnaireAt && merged.agreementAt && merged.packetAt);
  // A status the owner has since set by hand (inactive) is theirs to keep.
  const activates = completes && client.status === "onboarding";
  const fills = Object.keys(clientFields).length > 0;
  const result = await db.transaction
    .write(({ clientOnboarding, ...tx }) => [
      clientOnboarding
        .patch({ agencyId, clientId })
        .set({ ...change, ...(completes ? { completedAt: now } : {}) })
        .add({ version: 1 })
        .where((attr, op) => `${op.eq(attr.version, item.version)} AND ${op.notExists(attr.completedAt)}`)
        .commit(),
      Audit.item(tx, Audit.event(action, "client", clientId, data)),
      ...(completes ? [Audit.item(tx, Audit.event("client.onboarded", "client", clientId, activates ? { status: "active" } : {}))] : []),
      // One write of the client (a transaction touches an item once): the answers' fields, and the status when this completes.
      ...(activates
        ? [ClientStore.changeItem(tx, agencyId, clientId, { ...clientFields, status: "active" }, "onboarding")]
        : fills
          ? [ClientStore.changeItem(tx, agencyId, clientId, clientFields)]
          : []),
      ...(fills ? [Audit.item(tx, Audit.event("client.updated", "client", clientId, { fields: Object.keys(clientFields), from: "onboarding" }))] : []),
    ])
    .go();
  const [current, after] = await Promise.all([Client.load(agencyId, clientId), loadOnboarding(agencyId, clientId)]);
  if (!current) throw notFound("Company");
  if (failedConditions(result).length) throw staleWrite("Your onboarding", present(current, after, locale));
  if (completes) await notifyOwners(agencyId, current);
  return present(current, after, locale);
}

async function notifyOwners(agencyId: string, client: ClientItem) {
  await Notify.send(agencyId, "clientOnboarded", await Notify.owners(agencyId), { client: client.name }, `${Config.webUrl}/clients/${client.clientId}`);
  await recordEvent(agencyId, "client.onboarded", { id: client.clientId, clientId: client.clientId });
}

/** The client fields the owner mapped questions to, from their answers; errors keyed answers.<questionId>. */
function mappedAnswers(questions: Question[], answers: Answers) {
  const values: Partial<Record<AnswerField, string>> = {};
  const byField = new Map<AnswerField, string>();
  for (const question of questions) {
    const answer = answers[question.id];
    if (!question.field || typeof answer !== "string") continue;
    values[question.field] = answer;
    byField.set(question.field, question.id);
  }
  const { set, errors } = changesFromAnswers(values);
  const fields = Object.fromEntries(Object.entries(errors).map(([field, message]) => [`answers.${byField.get(field as AnswerField)}`, message]));
  return { set, fields };
}

export const answerSchema = z.strictObject({
  version,
  answers: answersField,
  submit: z.boolean({ error: "Say whether to submit the answers (true) or keep them as a draft (false)." }),
});

/**
 * Saves the questionnaire's answers: a draft (`submit: false`), or submitted (`submit: true`,
 * every required question answered), which marks the step done. Once submitted, the answers can
 * still be changed until the onboarding completes, but only as a whole that passes submission.
 */
export const answer = fn(answerSchema, async (input): Promise<ClientOnboarding> => {
  const context = await ownOnboarding();
  const item = openItem(context, input.version);
  const submitted = Boolean(item.questionnaireAt);
  const submit = input.submit || submitted;
  const questions = presentQuestions(item.questions);
  const { answers, fields } = checkAnswers(questions, input.answers, submit);
  // Answers that fill the client's record must also be what the record takes.
  const mapped = submit ? mappedAnswers(questions, answers) : { set: {}, fields: {} };
  Object.assign(fields, mapped.fields);
  if (Object.keys(fields).length) throw new VisibleError("validation", "validation_failed", "Some answers need attention.", { fields });
  const change: StepChange = submit
    ? { answers, questionnaireAt: new Date().toISOString(), questionnaireBy: context.contactName }
    : { answers };
  return saveStep(context, item, change, submit ? "onboarding.questionnaire_submitted" : "onboarding.answers_saved", { answered: Object.keys(answers).length }, mapped.set);
});

export const acceptSchema = z.strictObject({
  version,
  fullName: z
    .string({ error: "Type your full name." })
    .trim()
    .min(2, "Type your full name (at least 2 characters).")
    .max(120, "Keep the name under 120 characters."),
  sha256: z
    .string({ error: "Send the SHA-256 of the agreement you were shown." })
    .trim()
    .toLowerCase()
    .regex(/^[0-9a-f]{64}$/, "Send the SHA-256 of the agreement you were shown, as 64 hex digits."),
});

/** A typed name as compared: case, accents' composition and spacing don't count. */
export const comparableName = (name: string) => name.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();

/**
 * Accepts the agreement by typed full name — the contact's own, as their profile has it (a
 * signature is not one click on a filled-in field). The server composes the text again in the contact's
 * language; the digest the contact sends must be that text's (a contact who changed language since
 * reading it gets 409 and reads it again). The name, time (server UTC), IP, digest, text and its
 * language are kept.
 */
export const accept = fn(acceptSchema, async (input, ip?: string): Promise<ClientOnboarding> => {
  const context = await ownOnboarding();
  const item = openItem(context, input.version);
  if (item.agreementAt) throw conflict("onboarding.agreement_accepted", "The agreement has already been accepted.", present(context.client, item, context.locale));
  const shown = composedAgreement(item, context.locale);
  const digest = agreementDigest(shown.text);
  if (input.sha256 !== digest) {
    throw conflict(
      "onboarding.agreement_changed",
      "The agreement is not the one you were shown. Please read it again before accepting.",
      present(context.client, item, context.locale),
    );
  }
  if (comparableName(input.fullName) !== comparableName(context.contactName)) {
    const name = context.contactName;
    const message = `Type your full name as it is on your profile: ${name}.`;
    throw new VisibleError("validation", "onboarding.name_mismatch", message, { fields: { fullName: message } });
  }
  const change: StepChange = {
    agreementAt: new Date().toISOString(),
    agreementBy: context.contactName,
    agreementFullName: input.fullName,
    agreementSha256: digest,
    acceptedText: shown.text,
    agreementLocale: shown.locale,
    ...(ip ? { agreementIp: ip } : {}),
  };
  return saveStep(context, item, change, "onboarding.agreement_accepted", { fullName: input.fullName, sha256: digest, ip: ip ?? null, locale: shown.locale });
});

export const packetSchema = z.strictObject({ version });

/** Marks the welcome packet read (reading it again changes nothing). */
export const readPacket = fn(packetSchema, async (input): Promise<ClientOnboarding> => {
  const context = await ownOnboarding();
  if (context.item?.packetAt && !context.item.completedAt) return present(context.client, context.item, context.locale);
  const item = openItem(context, input.version);
  return saveStep(context, item, { packetAt: new Date().toISOString(), packetBy: context.contactName }, "onboarding.packet_read");
});
