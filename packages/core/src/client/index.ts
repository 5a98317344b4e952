import { z } from "zod";
import { assertOwner } from "../actor/index.ts";
import { Audit } from "../audit/index.ts";
import { staleWrite } from "../db/conflict.ts";
import { db } from "../db/index.ts";
import { failedConditions } from "../db/transaction.ts";
import { VisibleError, notFound } from "../error/index.ts";
import { basisPoints, billingIncrement, currency, detailLine, detailLines, email, INCREMENT_ATTRIBUTES, incrementAttributes, minorAmount, pageQuery, timeZone, version, type Page } from "../fields/index.ts";
import { Money, type BillingIncrement } from "../money/index.ts";
import { fn } from "../fn/index.ts";
import { createId, isId } from "../id/index.ts";
import { ClientStatuses, type ClientItem } from "./entity.ts";
import { Uniqueness } from "../uniqueness/index.ts";
import { promiseAttributes, promiseOf, type ResponsePromise } from "./promise.ts";
import { settleCodeCount } from "../request/counter.ts";
import { SearchIndex } from "../search/write.ts";

export * as Client from "./index.ts";
// Output schemas: what this area's functions answer, as the OpenAPI document declares it.
export * from "./output.ts";
export { ClientStatuses } from "./entity.ts";

export type Client = {
  id: string;
  name: string;
  code: string;
  timeZone: string;
  currency: string;
  status: ClientItem["status"];
  /** First response promised within this many of the agency's business days or hours. */
  responsePromise: ResponsePromise;
  /** The promise in business hours; null when it is in business days. */
  responseHours: number | null;
  billing: Billing;
  /** Who invoices are made out to and where else they go (no portal account needed). */
  invoiceTo: InvoiceTo;
  website: string | null;
  notes: string | null;
  /** When the owner erased the client's data; only what the law keeps is left (client-data/). */
  erasedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
};

/** How a client is billed: every amount in minor units of the client's currency. */
export type Billing = {
  hourlyRate: number | null;
  paymentTermsDays: number;
  taxRate: number;
  taxName: string;
  /** The deposit asked before package work starts, in basis points of the package (0: none). */
  depositRate: number;
  retainer: { fee: number; includedMinutes: number } | null;
  /** How this client's time is rounded; null: the agency's rule applies. */
  increment: BillingIncrement | null;
};

export type InvoiceTo = { name: string | null; address: string | null; taxId: string | null; emails: string[] };

/** Addresses that receive invoices and receipts besides the portal's people. */
export const MAX_BILLING_EMAILS = 5;

export function invoiceToOf(item: ClientItem): InvoiceTo {
  return { name: item.billingName ?? null, address: item.billingAddress ?? null, taxId: item.billingTaxId ?? null, emails: [...(item.billingEmails ?? [])] };
}

export function billingOf(item: ClientItem): Billing {
  return {
    hourlyRate: item.hourlyRate ?? null,
    paymentTermsDays: item.paymentTermsDays ?? 15,
    taxRate: item.taxRate ?? 0,
    taxName: item.taxName ?? "Tax",
    depositRate: item.depositRate ?? 0,
    retainer: item.retainerFee !== undefined && item.retainerMinutes !== undefined ? { fee: item.retainerFee, includedMinutes: item.retainerMinutes } : null,
    increment: Money.incrementOf(item) ?? null,
  };
}

export function present(item: ClientItem): Client {
  return {
    id: item.clientId,
    name: item.name,
    code: item.code,
    timeZone: item.timeZone,
    currency: item.currency,
    status: item.status,
    responsePromise: promiseOf(item),
    responseHours: promiseOf(item).unit === "hours" ? promiseOf(item).amount : null,
    billing: billingOf(item),
    invoiceTo: invoiceToOf(item),
    website: item.website ?? null,
    notes: item.notes ?? null,
    erasedAt: item.erasedAt ?? null,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    version: item.version,
  };
}

const name = z
  .string({ error: "Enter the client's name." })
  .trim()
  .min(1, "Enter the client's name.")
  .max(120, "Keep the name under 120 characters.");
const code = z
  .string({ error: "Enter a short code, such as ACME." })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{2,10}$/, "Use 2 to 10 letters or digits, such as ACME.");
const website = z
  .string()
  .trim()
  .max(300, "Keep the address under 300 characters.")
  .refine((value) => value === "" || /^https?:\/\/[^\s]+$/i.test(value), "Enter a web address starting with https://.")
  .nullable();
const notes = z.string().max(5000, "Keep notes under 5,000 characters.").nullable();
const responseHours = z
  .number({ error: "Enter the response promise in business hours." })
  .int("Use whole hours.")
  .min(1, "Promise at least 1 business hour.")
  .max(240, "Promise at most 240 business hours.");
const responseDays = z
  .number({ error: "Enter the response promise in business days." })
  .int("Use whole days.")
  .min(1, "Promise at least 1 business day.")
  .max(30, "Promise at most 30 business days.");
const oneUnit = {
  check: (input: { responseDays?: number; responseHours?: number }) => input.responseDays === undefined || input.responseHours === undefined,
  message: { message: "Give the promise in business days or in business hours, not both.", path: ["responseDays"] },
};
const billing = z.strictObject({
  hourlyRate: minorAmount.nullable().optional(),
  paymentTermsDays: z
    .number({ error: "Enter the payment terms in days." })
    .int("Use whole days.")
    .min(0, "Use 0 (due on receipt) or more days.")
    .max(120, "Use at most 120 days.")
    .optional(),
  taxRate: basisPoints.optional(),
  taxName: z.string().trim().min(1, "Name the tax, such as VAT.").max(40, "Keep the tax name under 40 characters.").optional(),
  depositRate: basisPoints.optional(),
  retainer: z
    .strictObject({
      fee: minorAmount.refine((fee) => fee > 0, "The monthly fee must be more than zero."),
      includedMinutes: z.number({ error: "Enter the hours included." }).int().min(0).max(744 * 60, "A month has at most 744 hours."),
    })
    .nullable()
    .optional(),
  /** How the client's time is rounded; null to follow the agency's rule. */
  increment: billingIncrement.nullable().optional(),
});

type RemovableBilling = "hourlyRate" | "retainerFee" | "retainerMinutes" | (typeof INCREMENT_ATTRIBUTES)[number];

/** The billing changes as stored attributes, and which of them to remove (set to null). */
function billingAttributes(input: z.output<typeof billing> | undefined) {
  if (!input) return { set: {}, remove: [] as RemovableBilling[] };
  const { hourlyRate, retainer, increment, ...rest } = input;
  const set: Partial<ClientItem> = { ...rest };
  const remove: RemovableBilling[] = [];
  if (increment === null) remove.push(...INCREMENT_ATTRIBUTES);
  else if (increment) Object.assign(set, incrementAttributes(increment));
  if (hourlyRate === null) remove.push("hourlyRate");
  else if (hourlyRate !== undefined) set.hourlyRate = hourlyRate;
  if (retainer === null) remove.push("retainerFee", "retainerMinutes");
  else if (retainer) Object.assign(set, { retainerFee: retainer.fee, retainerMinutes: retainer.includedMinutes });
  return { set, remove };
}

const invoiceTo = z.strictObject({
  name: detailLine(200, "Keep the billing name under 200 characters."),
  address: detailLines(500, "Keep the address under 500 characters."),
  taxId: detailLine(50, "Keep the tax id under 50 characters."),
  emails: z
    .array(email, { error: "Enter email addresses." })
    .max(MAX_BILLING_EMAILS, "Add at most 5 billing addresses.")
    .refine((emails) => new Set(emails).size === emails.length, "Enter each address once.")
    .optional(),
});

const INVOICE_TO_ATTRIBUTES = { name: "billingName", address: "billingAddress", taxId: "billingTaxId" } as const;
type InvoiceToAttribute = (typeof INVOICE_TO_ATTRIBUTES)[keyof typeof INVOICE_TO_ATTRIBUTES] | "billingEmails";

/** The billing details as stored attributes: a value sets, "" or null (or no emails) clears. */
function invoiceToAttributes(input: z.output<typeof invoiceTo> | undefined): { set: Partial<ClientItem>; remove: InvoiceToAttribute[] } {
  if (!input) return { set: {}, remove: [] };
  const set: Partial<ClientItem> = {};
  const remove: InvoiceToAttribute[] = [];
  for (const key of ["name", "address", "taxId"] as const) {
    const value = input[key];
    if (value) Object.assign(set, { [INVOICE_TO_ATTRIBUTES[key]]: value });
    else if (value === null || value === "") remove.push(INVOICE_TO_ATTRIBUTES[key]);
  }
  if (input.emails?.length) set.billingEmails = [...input.emails];
  else if (input.emails) remove.push("billingEmails");
  return { set, remove };
}

const status = z.enum(ClientStatuses, { error: "Choose lead, onboarding, active or inactive." });

export const createSchema = z.strictObject({
  name,
  code,
  timeZone,
  currency,
  status: status.default("lead"),
  responseDays: responseDays.optional(),
  responseHours: responseHours.optional(),
  billing: billing.optional(),
  website: website.optional(),
  notes: notes.optional(),
}).refine(oneUnit.check, oneUnit.message);

export const updateSchema = z.strictObject({
  version,
  name: name.optional(),
  code: code.optional(),
  timeZone: timeZone.optional(),
  currency: currency.optional(),
  status: status.optional(),
  responseDays: responseDays.optional(),
  responseHours: responseHours.optional(),
  billing: billing.optional(),
  invoiceTo: invoiceTo.optional(),
  website: website.optional(),
  notes: notes.optional(),
}).refine(oneUnit.check, oneUnit.message);

export const listSchema = pageQuery.extend({ status: status.optional() });

export const list = fn(listSchema, async (query): Promise<Page<Client>> => {
  const agencyId = assertOwner();
  const request = db.entities.client.query.clientsOfAgency({ agencyId });
  const filtered = query.status ? request.where((attr, op) => op.eq(attr.status, query.status!)) : request;
  // `count` reads on past items the filter drops, so a page is short only at the end.
  const result = await filtered.go({ count: query.limit, cursor: query.cursor ?? null });
  return { items: result.data.map(present), cursor: result.cursor };
});

/** Loads a client of the acting agency without checking the actor's right (callers do). */
export async function load(agencyId: string, clientId: string): Promise<ClientItem | null> {
  if (!isId("client", clientId)) return null;
  const result = await db.entities.client.get({ agencyId, clientId }).go({ consistent: true });
  return result.data;
}

export async function get(clientId: string): Promise<Client> {
  const item = await load(assertOwner(), clientId);
  if (!item) throw notFound("Client");
  return present(item);
}

const codeTaken = () =>
  new VisibleError("conflict", "client.code_taken", "Another client already uses this code.", {
    fields: { code: "Another client already uses this code." },
  });

export const create = fn(createSchema, async (input): Promise<Client> => {
  const agencyId = assertOwner();
  const clientId = createId("client");
  const { website, notes, billing: billingInput, responseDays, responseHours, ...rest } = input;
  const result = await db.transaction
    .write(({ client, ...tx }) => [
      Uniqueness.claimItem(tx, { agencyId, scope: "client-code", value: input.code, ownerId: clientId }),
      // New clients are promised one business day unless the owner says otherwise.
      client.create({ agencyId, clientId, ...rest, ...promiseAttributes({ responseDays, responseHours }, { responseDays: 1 }).set, ...billingAttributes(billingInput).set, ...filledText({ website, notes }) }).commit(),
      Audit.item(tx, Audit.event("client.created", "client", clientId, { name: input.name, code: input.code })),
    ])
    .go();
  if (failedConditions(result).includes(0)) throw codeTaken();
  return present((await load(agencyId, clientId))!);
});

export const update = fn(updateSchema, async ({ version: expected, ...changes }, clientId: string): Promise<Client> => {
  const agencyId = assertOwner();
  const existing = await load(agencyId, clientId);
  if (!existing) throw notFound("Client");
  if (existing.erasedAt) throw new VisibleError("rule", "client.erased", "This client's data was erased; its record only backs the invoices issued to it.");
  const { website, notes, billing: billingInput, invoiceTo: invoiceToInput, responseDays, responseHours, ...rest } = changes;
  const promiseChanges = promiseAttributes({ responseDays, responseHours });
  const billingChanges = billingAttributes(billingInput);
  const invoiceToChanges = invoiceToAttributes(invoiceToInput);
  const cleared = [...(["website", "notes"] as const).filter((key) => changes[key] === null || changes[key] === ""), ...billingChanges.remove, ...invoiceToChanges.remove, ...promiseChanges.remove];
  const codeChanges = changes.code !== undefined && changes.code !== existing.code;
  // The old code keeps its count (a client given it later carries on after this one's numbers),
  // and the client keeps its last number under it, to carry on after it under the new code.
  const carried = codeChanges ? await settleCodeCount(agencyId, existing.code, existing.requestSeq ?? 0) : undefined;
  const result = await db.transaction
    .write(({ client, ...tx }) => [
      client
        .patch({ agencyId, clientId })
        .set({ ...rest, ...promiseChanges.set, ...billingChanges.set, ...invoiceToChanges.set, ...filledText({ website, notes }), ...(carried !== undefined ? { requestSeq: carried } : {}) })
        .remove(cleared)
        .add({ version: 1 })
        .where((attr, op) => op.eq(attr.version, expected))
        .commit(),
      ...(codeChanges
        ? [
            Uniqueness.claimItem(tx, { agencyId, scope: "client-code", value: changes.code!, ownerId: clientId }),
            Uniqueness.releaseItem(tx, { agencyId, scope: "client-code", value: existing.code }),
          ]
        : []),
      Audit.item(tx, Audit.event("client.updated", "client", clientId, { fields: Object.keys(changes) })),
    ])
    .go();
  const failed = failedConditions(result);
  if (codeChanges && failed.length === 1 && failed[0] === 1) throw codeTaken();
  const current = await load(agencyId, clientId);
  if (failed.length) throw staleWrite("Client", current && present(current));
  // A new name or code is what search finds the client by from now on.
  if (changes.name !== undefined || codeChanges) await SearchIndex.client(current!);
  return present(current!);
});

/** Optional text fields are stored only when they have content; null or "" means absent. */
function filledText(fields: { website?: string | null; notes?: string | null }) {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => typeof value === "string" && value !== "")) as {
    website?: string;
    notes?: string;
  };
}
