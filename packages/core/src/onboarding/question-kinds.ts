import type { QuestionKind } from "./entity.ts";

// What an answer may be, by the kind of question: apart from the kit's schemas (kit.ts), so that
// checking a request's answers (answers.ts, through the service catalog) loads no kit.

export const MAX_OPTIONS = 20;

const CHOICE_KINDS: ReadonlySet<QuestionKind> = new Set(["choice", "multi_choice"]);
export const isChoice = (kind: QuestionKind) => CHOICE_KINDS.has(kind);
