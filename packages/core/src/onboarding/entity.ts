import type { EntityItem } from "electrodb";
import { defineEntity } from "../db/entity.ts";
import { agencyKey, timestamps, versioned } from "../db/attributes.ts";
import { Locales } from "../member/entity.ts";
import { AnswerFields } from "../client/from-answers.ts";

export const QuestionKinds = ["text", "long_text", "choice", "multi_choice", "date", "url"] as const;
export type QuestionKind = (typeof QuestionKinds)[number];

/** A form's questions as stored: the onboarding questionnaire's and a catalog service's intake form. */
export const questionsAttribute = {
  type: "list",
  required: true,
  default: () => [],
  items: {
    type: "map",
    properties: {
      id: { type: "string", required: true },
      kind: { type: QuestionKinds, required: true },
      label: { type: "string", required: true },
      /** Absent when the question has no help text. */
      help: { type: "string" },
      required: { type: "boolean", required: true },
      options: { type: "list", items: { type: "string" }, required: true },
      /** The client field the answer fills on submit (client/from-answers.ts); absent: none. */
      field: { type: AnswerFields },
    },
  },
} as const;

/**
 * The agency's onboarding kit: the intake questionnaire, the agreement's sections and the welcome
 * packet. One per agency; an agency that never saved one has none (and reads an empty kit).
 */
export const OnboardingKitEntity = defineEntity({
  model: { entity: "onboardingkit", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    questions: questionsAttribute,
    scope: { type: "string", required: true, default: "" },
    deliverables: { type: "string", required: true, default: "" },
    paymentTerms: { type: "string", required: true, default: "" },
    confidentiality: { type: "string", required: true, default: "" },
    /** Markdown. */
    welcomePacket: { type: "string", required: true, default: "" },
    ...timestamps,
    ...versioned,
  },
  indexes: {
    kitOfAgency: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

/**
 * One client's onboarding: a snapshot of the kit taken when the owner started it (later kit edits
 * don't reach it), the contact's answers and the three steps' records.
 */
export const ClientOnboardingEntity = defineEntity({
  model: { entity: "onboarding", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    clientId: { type: "string", required: true, readOnly: true },
    startedAt: { type: "string", required: true, readOnly: true },
    questions: { ...questionsAttribute, readOnly: true },
    /**
     * The agreement's parts as they were at start (agreement.ts composes the text from them in the
     * reader's language). Absent only on onboardings started before the parts were kept.
     */
    agreement: {
      type: "map",
      readOnly: true,
      properties: {
        agency: { type: "string", required: true },
        client: { type: "string", required: true },
        scope: { type: "string", required: true },
        deliverables: { type: "string", required: true },
        paymentTerms: { type: "string", required: true },
        confidentiality: { type: "string", required: true },
      },
    },
    /** Legacy: the composed text (English headings) of onboardings started before `agreement` was kept. */
    agreementText: { type: "string", readOnly: true },
    welcomePacket: { type: "string", required: true, readOnly: true },
    /** Question id → a string, or a list of strings for multi-choice. */
    answers: { type: "any", required: true, default: () => ({}) },
    questionnaireAt: { type: "string" },
    questionnaireBy: { type: "string" },
    agreementAt: { type: "string" },
    agreementBy: { type: "string" },
    agreementFullName: { type: "string" },
    agreementIp: { type: "string" },
    agreementSha256: { type: "string" },
    /** The text accepted, byte for byte, as composed in the accepting contact's language. */
    acceptedText: { type: "string" },
    /** The language acceptedText was composed in. */
    agreementLocale: { type: Locales },
    packetAt: { type: "string" },
    packetBy: { type: "string" },
    completedAt: { type: "string" },
    ...timestamps,
    ...versioned,
  },
  indexes: {
    onboardingOfClient: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: ["clientId"] },
    },
  },
});

export type OnboardingKitItem = EntityItem<typeof OnboardingKitEntity>;
export type ClientOnboardingItem = EntityItem<typeof ClientOnboardingEntity>;
