import { z } from "zod";
import { incrementOutput, page } from "../fields/output.ts";
import { ClientStatuses } from "./entity.ts";
import type { Client } from "./index.ts";

export const billingOutput = z.object({
  hourlyRate: z.number().int().nullable(),
  paymentTermsDays: z.number().int(),
  taxRate: z.number().int(),
  taxName: z.string(),
  depositRate: z.number().int(),
  retainer: z.object({ fee: z.number().int(), includedMinutes: z.number().int() }).nullable(),
  increment: incrementOutput.nullable().describe("The client's own rounding of time; null: the agency's"),
});

export const invoiceToOutput = z.object({
  name: z.string().nullable().describe("Who invoices are made out to; null: the client's name"),
  address: z.string().nullable(),
  taxId: z.string().nullable(),
  emails: z.array(z.string()).describe("Addresses that also receive invoices and receipts"),
});

const fields = {
  id: z.string(),
  name: z.string(),
  code: z.string(),
  timeZone: z.string(),
  currency: z.string(),
  status: z.enum(ClientStatuses),
  responsePromise: z
    .object({ amount: z.number().int(), unit: z.enum(["days", "hours"]) })
    .describe("The first response is promised within this many of the agency's business days or hours"),
  responseHours: z.number().nullable().describe("The promise in business hours; null when it is in business days"),
  billing: billingOutput,
  invoiceTo: invoiceToOutput,
  website: z.string().nullable(),
  erasedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
};

/** A client as the owner reads it. */
export const output = z.object({ ...fields, notes: z.string().nullable() }).meta({ id: "Client" }) satisfies z.ZodType<Client>;
/** A client as its own contacts read it: the agency's notes stay private. */
export const forContactOutput = z.object(fields).meta({ id: "ClientForContact" }) satisfies z.ZodType<Omit<Client, "notes">>;

export const listOutput = page(output);
