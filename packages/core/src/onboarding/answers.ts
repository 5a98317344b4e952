import { isRealDate } from "@baton/kernel/dates";
import { z } from "zod";
import type { Question } from "./kit.ts";
import { isChoice, MAX_OPTIONS } from "./question-kinds.ts";

// The contact's answers, checked against the questions of their onboarding (the kit as it was
// when the owner started it). A draft is checked for types only; a submission also needs every
// required question answered. Errors are keyed `answers.<questionId>`.

export type Answers = Record<string, string | string[]>;

const MAX_TEXT = 500;
const MAX_LONG_TEXT = 5000;
const MAX_URL = 2000;

/** The wire shape; what each answer must be depends on its question (checkAnswers). */
export const answersField = z
  .record(
    z.string().max(60, "That is not a question of this questionnaire."),
    z.union([z.string(), z.array(z.string()).max(MAX_OPTIONS)], { error: "Answer with text, or a list of the options chosen." }),
    { error: "Send the answers by question id." },
  )
  .refine((answers) => Object.keys(answers).length <= 100, "Send at most 100 answers.");

const isWebAddress = (value: string) => {
  if (!/^https?:\/\/\S+$/i.test(value)) return false;
  try {
    return Boolean(new URL(value).hostname);
  } catch {
    return false;
  }
};

/** One answer, trimmed; null for "not answered"; a string for the reason it can't be taken. */
function checkOne(question: Question, value: string | string[]): { value: string | string[] | null } | string {
  if (question.kind === "multi_choice") {
    if (!Array.isArray(value)) return "Choose any of the options, as a list.";
    const chosen = value.map((v) => v.trim());
    if (chosen.some((v) => !question.options.includes(v))) return "Choose only from the options given.";
    if (new Set(chosen).size !== chosen.length) return "Choose each option once.";
    return { value: chosen.length ? question.options.filter((o) => chosen.includes(o)) : null };
  }
  if (typeof value !== "string") return question.kind === "choice" ? "Choose one of the options." : "Answer with text.";
  const text = question.kind === "long_text" ? value.replace(/\r\n?/g, "\n").trim() : value.trim();
  if (!text) return { value: null };
  switch (question.kind) {
    case "text":
      return text.length > MAX_TEXT ? `Keep the answer under ${MAX_TEXT} characters.` : { value: text };
    case "long_text":
      return text.length > MAX_LONG_TEXT ? `Keep the answer under ${MAX_LONG_TEXT.toLocaleString("en")} characters.` : { value: text };
    case "choice":
      return question.options.includes(text) ? { value: text } : "Choose one of the options given.";
    case "date":
      return isRealDate(text) ? { value: text } : "Enter a real date as YYYY-MM-DD.";
    case "url":
      if (text.length > MAX_URL) return `Keep the address under ${MAX_URL.toLocaleString("en")} characters.`;
      return isWebAddress(text) ? { value: text } : "Enter a web address starting with https://.";
  }
  return "Answer with text.";
}

/**
 * The answers to keep (in question order, unanswered ones left out) or the field errors. `submit`
 * also requires every required question.
 */
export function checkAnswers(questions: Question[], given: Answers, submit: boolean): { answers: Answers; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const id of Object.keys(given)) {
    if (!byId.has(id)) fields[`answers.${id}`] = "That is not a question of this questionnaire.";
  }
  const answers: Answers = {};
  for (const question of questions) {
    const value = Object.hasOwn(given, question.id) ? given[question.id]! : null;
    const checked = value === null ? { value: null } : checkOne(question, value);
    if (typeof checked === "string") {
      fields[`answers.${question.id}`] = checked;
      continue;
    }
    if (checked.value !== null) answers[question.id] = checked.value;
    else if (submit && question.required) fields[`answers.${question.id}`] = isChoice(question.kind) ? "Choose an answer to this question." : "Answer this question.";
  }
  return { answers, fields };
}
