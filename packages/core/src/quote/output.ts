import { z } from "zod";
import { page } from "../fields/output.ts";
import { QuoteLineKinds } from "./entity.ts";
import { QuoteActions, type Quote } from "./present.ts";

const line = z.object({
  kind: z.enum(QuoteLineKinds),
  packageId: z.string().nullable().describe("The catalog service it was copied from (its price then, kept)"),
  description: z.string(),
  quantity: z.number().int(),
  unitAmount: z.number().int().describe("Minor units of the quote's currency"),
  amount: z.number().int(),
});

export const output = z
  .object({
    id: z.string(),
    number: z.string().nullable().describe("Q-0001 once sent: the agency's own gapless sequence; null while a draft"),
    clientId: z.string(),
    clientName: z.string(),
    requestId: z.string().nullable().describe("The request it prices; a blank quote's acceptance makes one"),
    title: z.string(),
    status: z.enum(["draft", "sent", "accepted", "declined", "expired"]).describe("expired: sent, and the client's calendar has passed validUntil"),
    currency: z.string(),
    lines: z.array(line),
    subtotal: z.number().int(),
    taxName: z.string(),
    taxRate: z.number().int().describe("Basis points"),
    tax: z.number().int(),
    total: z.number().int(),
    depositPercent: z.number().int().describe("Basis points of the subtotal invoiced on acceptance"),
    depositAmount: z.number().int(),
    validUntil: z.string().describe("The last day it may be accepted, in the client's calendar"),
    terms: z.string().nullable(),
    sentAt: z.string().nullable(),
    answeredAt: z.string().nullable(),
    answeredBy: z.string().nullable(),
    declineReason: z.string().nullable(),
    acceptance: z.object({ fullName: z.string(), sha256: z.string(), ip: z.string().nullable(), locale: z.string() }).nullable(),
    depositInvoiceId: z.string().nullable(),
    text: z.string().describe("What accepting means, in the viewer's language (once accepted, the accepted text)"),
    sha256: z.string().describe("SHA-256 (hex) of text's UTF-8 bytes: what an acceptance sends back"),
    can: z.array(z.enum(QuoteActions)),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "Quote" }) satisfies z.ZodType<Quote>;

export const listOutput = page(output);
