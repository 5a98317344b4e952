import { z } from "zod";
import { detailLine, detailLines } from "../fields/index.ts";
import type { ClientItem } from "./entity.ts";

// Client fields an onboarding question may feed (the owner marks the question in the kit): on
// submit, the mapped answers become the client's record, checked by the record's own rules.

export const AnswerFields = ["website", "billingName", "billingAddress", "taxId"] as const;
export type AnswerField = (typeof AnswerFields)[number];

/** Which question kinds can feed each field: a web address from a web-address question, one line from a text question. */
export const KINDS_FOR_FIELD: Readonly<Record<AnswerField, readonly string[]>> = {
  website: ["url"],
  billingName: ["text"],
  billingAddress: ["text", "long_text"],
  taxId: ["text"],
};

const rules: Record<AnswerField, z.ZodType<string | null | undefined>> = {
  website: z
    .string()
    .trim()
    .max(300, "Keep the address under 300 characters.")
    .refine((value) => /^https?:\/\/[^\s]+$/i.test(value), "Enter a web address starting with https://."),
  billingName: detailLine(200, "Keep the billing name under 200 characters."),
  billingAddress: detailLines(500, "Keep the address under 500 characters."),
  taxId: detailLine(50, "Keep the tax id under 50 characters."),
};

const ATTRIBUTE = { website: "website", billingName: "billingName", billingAddress: "billingAddress", taxId: "billingTaxId" } as const;

/**
 * The client record's changes from mapped answers (empty answers change nothing), and what is
 * wrong with any answer the record would not take, by field.
 */
export function changesFromAnswers(values: Partial<Record<AnswerField, string>>): { set: Partial<ClientItem>; errors: Partial<Record<AnswerField, string>> } {
  const set: Partial<ClientItem> = {};
  const errors: Partial<Record<AnswerField, string>> = {};
  for (const field of AnswerFields) {
    const given = values[field]?.trim();
    if (!given) continue;
    const parsed = rules[field].safeParse(given);
    if (!parsed.success) errors[field] = parsed.error.issues[0]?.message ?? "Check this answer.";
    else if (parsed.data) Object.assign(set, { [ATTRIBUTE[field]]: parsed.data });
  }
  return { set, errors };
}
