import { randomBytes } from "node:crypto";
import { z } from "zod";
import { assertOwner } from "../actor/index.ts";
import { Audit } from "../audit/index.ts";
import { staleWrite } from "../db/conflict.ts";
import { db } from "../db/index.ts";
import { failedConditions } from "../db/transaction.ts";
import { fn } from "../fn/index.ts";
import { QuestionKinds, type OnboardingKitItem, type QuestionKind } from "./entity.ts";
import { MAX_OPTIONS, isChoice } from "./question-kinds.ts";
import { AnswerFields, KINDS_FOR_FIELD, type AnswerField } from "../client/from-answers.ts";

// The owner's onboarding kit: questionnaire, agreement sections, welcome packet. One item per
// agency, created on the first save (version 0 means "never saved") and then updated on the
// version the owner read.

export type Question = {
  id: string;
  kind: QuestionKind;
  label: string;
  help: string | null;
  required: boolean;
  /** The choices of a choice or multi-choice question; empty for the other kinds. */
  options: string[];
  /** The client field its answer fills when the questionnaire is submitted; null: none. */
  field: AnswerField | null;
};

export type Agreement = { scope: string; deliverables: string; paymentTerms: string; confidentiality: string };

export type Kit = {
  questions: Question[];
  agreement: Agreement;
  /** Markdown. */
  welcomePacket: string;
  updatedAt: string | null;
  /** 0 until the kit is first saved. */
  version: number;
};

export const MAX_QUESTIONS = 50;
export { MAX_OPTIONS, isChoice } from "./question-kinds.ts";
export const MAX_SECTION = 10_000;
export const MAX_PACKET = 20_000;

/** A new question's id: short, stable across edits, unique within the kit. */
export const questionId = () => `q_${randomBytes(5).toString("hex")}`;

/** Markdown and prose keep their line breaks, with one line ending: what the digest is over must not depend on the browser. */
const prose = (max: number, label: string) =>
  z
    .string({ error: `Enter the ${label} as text.` })
    .transform((value) => value.replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().max(max, `Keep the ${label} under ${max.toLocaleString("en")} characters.`));

/** One question of a form: the onboarding questionnaire's and a catalog service's intake form share it. */
export const questionSchema = z.strictObject({
  id: z
    .string({ error: "A question id is text." })
    .regex(/^[A-Za-z0-9_-]{1,40}$/, "A question id is 1 to 40 letters, digits, _ or -.")
    .optional(),
  kind: z.enum(QuestionKinds, { error: "Choose text, long text, choice, multiple choice, date or web address." }),
  label: z
    .string({ error: "Enter the question." })
    .trim()
    .min(1, "Enter the question.")
    .max(300, "Keep the question under 300 characters."),
  help: z
    .string({ error: "Enter the help text as text." })
    .trim()
    .max(1000, "Keep the help text under 1,000 characters.")
    .nullable()
    .optional(),
  required: z.boolean({ error: "Say whether an answer is required (true or false)." }).default(false),
  options: z
    .array(
      z
        .string({ error: "Enter each option as text." })
        .trim()
        .min(1, "An option can't be empty.")
        .max(200, "Keep each option under 200 characters."),
      { error: "List the options." },
    )
    .max(MAX_OPTIONS, `Offer at most ${MAX_OPTIONS} options.`)
    .default([]),
  field: z.enum(AnswerFields, { error: "Choose the website, billing name, billing address or tax id." }).nullable().optional(),
});

export const saveSchema = z
  .strictObject({
    version: z.number({ error: "Send the version you last read (0 for a kit never saved)." }).int().min(0),
    questions: z.array(questionSchema, { error: "List the questions." }).max(MAX_QUESTIONS, `Ask at most ${MAX_QUESTIONS} questions.`),
    agreement: z.strictObject(
      {
        scope: prose(MAX_SECTION, "scope"),
        deliverables: prose(MAX_SECTION, "deliverables"),
        paymentTerms: prose(MAX_SECTION, "payment terms"),
        confidentiality: prose(MAX_SECTION, "confidentiality terms"),
      },
      { error: "Send the agreement's sections." },
    ),
    welcomePacket: prose(MAX_PACKET, "welcome packet"),
  })
  .superRefine((kit, ctx) => {
    checkQuestions(kit.questions, ctx, "questions");
    kit.questions.forEach((q, i) => {
      if (q.field) {
        if (!KINDS_FOR_FIELD[q.field].includes(q.kind)) ctx.addIssue({ code: "custom", path: ["questions", i, "field"], message: FIELD_KIND[q.field] });
        if (kit.questions.findIndex((other) => other.field === q.field) !== i) ctx.addIssue({ code: "custom", path: ["questions", i, "field"], message: "Another question already fills this field." });
      }
    });
  });

/** The rules across a form's questions (ids unique; a choice offers 2+ different options), reported under `path`. */
export function checkQuestions(questions: ReadonlyArray<{ id?: string | undefined; kind: QuestionKind; options: string[] }>, ctx: z.RefinementCtx, path: string) {
  const seen = new Set<string>();
  questions.forEach((q, i) => {
    if (q.id !== undefined) {
      if (seen.has(q.id)) ctx.addIssue({ code: "custom", path: [path, i, "id"], message: "Two questions have the same id." });
      seen.add(q.id);
    }
    if (!isChoice(q.kind)) return;
    if (q.options.length < 2) ctx.addIssue({ code: "custom", path: [path, i, "options"], message: "Offer at least 2 options." });
    const lower = q.options.map((o) => o.toLowerCase());
    if (new Set(lower).size !== lower.length) ctx.addIssue({ code: "custom", path: [path, i, "options"], message: "Each option must be different." });
  });
}

export type KitInput = z.input<typeof saveSchema>;

const FIELD_KIND: Record<AnswerField, string> = {
  website: "Only a web address question can fill the website.",
  billingName: "Only a text question can fill the billing name.",
  billingAddress: "Only a text or long text question can fill the billing address.",
  taxId: "Only a text question can fill the tax id.",
};

export function presentQuestions(items: OnboardingKitItem["questions"]): Question[] {
  return items.map((q) => ({ id: q.id, kind: q.kind, label: q.label, help: q.help ?? null, required: q.required, options: [...q.options], field: q.field ?? null }));
}

export const emptyKit = (): Kit => ({
  questions: [],
  agreement: { scope: "", deliverables: "", paymentTerms: "", confidentiality: "" },
  welcomePacket: "",
  updatedAt: null,
  version: 0,
});

export function presentKit(item: OnboardingKitItem | null): Kit {
  if (!item) return emptyKit();
  return {
    questions: presentQuestions(item.questions),
    agreement: { scope: item.scope, deliverables: item.deliverables, paymentTerms: item.paymentTerms, confidentiality: item.confidentiality },
    welcomePacket: item.welcomePacket,
    updatedAt: item.updatedAt,
    version: item.version,
  };
}

export async function loadKit(agencyId: string): Promise<OnboardingKitItem | null> {
  return (await db.entities.onboardingKit.get({ agencyId }).go({ consistent: true })).data;
}

/** The owner's kit; an empty one (version 0) until first saved. */
export async function kit(): Promise<Kit> {
  return presentKit(await loadKit(assertOwner()));
}

export const saveKit = fn(saveSchema, async (input): Promise<Kit> => {
  const agencyId = assertOwner();
  const { version: expected, agreement, welcomePacket } = input;
  const stored = input.questions.map((q) => ({
    id: q.id ?? questionId(),
    kind: q.kind,
    label: q.label,
    ...(q.help ? { help: q.help } : {}),
    required: q.required,
    // Options belong to choice questions only: a kind changed away from choice drops them.
    options: isChoice(q.kind) ? q.options : [],
    ...(q.field ? { field: q.field } : {}),
  }));
  const attributes = { questions: stored, ...agreement, welcomePacket };
  const audit = Audit.event("onboarding.kit_saved", "agency", agencyId, { questions: stored.length });
  const result = await db.transaction
    .write(({ onboardingKit, ...tx }) => [
      expected === 0
        ? onboardingKit.create({ agencyId, ...attributes }).commit()
        : onboardingKit
            .patch({ agencyId })
            .set(attributes)
            .add({ version: 1 })
            .where((attr, op) => op.eq(attr.version, expected))
            .commit(),
      Audit.item(tx, audit),
    ])
    .go();
  const current = await loadKit(agencyId);
  if (failedConditions(result).length) throw staleWrite("The onboarding kit", presentKit(current));
  return presentKit(current);
});
