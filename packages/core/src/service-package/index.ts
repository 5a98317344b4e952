import { z } from "zod";
import { assertOwner } from "../actor/index.ts";
import { checkQuestions, isChoice, MAX_QUESTIONS, questionId, questionSchema } from "../onboarding/kit.ts";
import { presentForm, type FormQuestion } from "./catalog.ts";
import { Sop } from "../sop/index.ts";
import { Audit } from "../audit/index.ts";
import { staleWrite } from "../db/conflict.ts";
import { db } from "../db/index.ts";
import { failedConditions } from "../db/transaction.ts";
import { notFound, VisibleError } from "../error/index.ts";
import { currency, idOf, minorAmount, version } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
import { createId, isId } from "../id/index.ts";
import { PackageStatuses, PriceModels, Visibilities, type ServicePackageItem } from "./entity.ts";

export * as ServicePackages from "./index.ts";
// Output schemas: what this area's functions answer, as the OpenAPI document declares it.
export * from "./output.ts";
export { PackageStatuses, PriceModels, Visibilities } from "./entity.ts";
export { answersField, briefFor, catalog, catalogOfClient, catalogService, presentForm, proposal, proposalOfSops, type Brief, type CatalogService, type FormQuestion } from "./catalog.ts";

// The agency's service packages: fixed-price work with defined deliverables ("Website care:
// 4 updates, 1 report"), priced per currency so each client is billed in their own. An invoice
// copies the package's name, deliverables and price in the client's currency when drafted, so
// changing a package never changes an invoice already made.
//
// The same items are the service catalog (issue 18): a category, a price model, a turnaround, the
// SOPs that deliver the work, an intake form (the onboarding questionnaire's field kinds) and who
// sees it. A client requests a visible service through its form (catalog.ts checks the answers).


export type ServicePackage = {
  id: string;
  name: string;
  description: string | null;
  deliverables: string[];
  prices: Array<{ currency: string; amount: number }>;
  status: ServicePackageItem["status"];
  category: string | null;
  priceModel: (typeof PriceModels)[number];
  turnaroundDays: number | null;
  sopIds: string[];
  form: FormQuestion[];
  formVersion: number;
  visibility: (typeof Visibilities)[number];
  clientIds: string[];
  updatedAt: string;
  version: number;
};

export function present(item: ServicePackageItem): ServicePackage {
  return {
    id: item.packageId,
    name: item.name,
    description: item.description ?? null,
    deliverables: item.deliverables ?? [],
    prices: item.prices ?? [],
    status: item.status,
    category: item.category ?? null,
    priceModel: item.priceModel ?? "fixed",
    turnaroundDays: item.turnaroundDays ?? null,
    sopIds: item.sopIds ?? [],
    form: presentForm(item),
    formVersion: item.formVersion ?? 1,
    visibility: item.visibility ?? "hidden",
    clientIds: item.clientIds ?? [],
    updatedAt: item.updatedAt,
    version: item.version,
  };
}

const name = z.string({ error: "Name the package." }).trim().min(1, "Name the package.").max(120, "Keep the name under 120 characters.");
const description = z.string().trim().max(1000, "Keep the description under 1,000 characters.");
const deliverables = z
  .array(z.string().trim().min(1, "Deliverables cannot be blank.").max(200, "Keep each deliverable under 200 characters."), { error: "List the deliverables." })
  .max(30, "List at most 30 deliverables.");
const prices = z
  .array(z.strictObject({ currency, amount: minorAmount.refine((amount) => amount > 0, "The price must be more than zero.") }), { error: "Give the package a price." })
  .min(1, "Give the package a price in at least one currency.")
  .max(20, "Price it in at most 20 currencies.")
  .refine((list) => new Set(list.map((price) => price.currency)).size === list.length, "Give each currency one price.");

const category = z.string({ error: "Enter the category as text." }).trim().max(60, "Keep the category under 60 characters.");
const priceModel = z.enum(PriceModels, { error: "Choose fixed, hourly, retainer or quote on request." });
const turnaroundDays = z.number({ error: "Enter the turnaround in business days." }).int("Enter whole business days.").min(1, "The turnaround is at least 1 business day.").max(365, "Keep the turnaround under a year.");
const sopIds = z.array(idOf("sop", "Choose an SOP from the library."), { error: "List the SOPs by id." }).max(10, "Choose at most 10 SOPs.");
const form = z.array(questionSchema.omit({ field: true }), { error: "List the questions." }).max(MAX_QUESTIONS, `Ask at most ${MAX_QUESTIONS} questions.`);
const visibility = z.enum(Visibilities, { error: "Choose all clients, chosen clients or hidden." });
const clientIds = z.array(idOf("client", "Choose the client."), { error: "List the clients by id." }).max(500, "Choose at most 500 clients.");
const catalogFields = { category, priceModel, turnaroundDays, sopIds, form, visibility, clientIds };
const formRules = (input: { form?: z.output<typeof form> | undefined }, ctx: z.RefinementCtx) => input.form && checkQuestions(input.form, ctx, "form");

export const createSchema = z
  .strictObject({
    name,
    description: description.optional(),
    deliverables: deliverables.default([]),
    /** Optional only for a service quoted on request. */
    prices: prices.optional(),
    category: category.optional(),
    priceModel: priceModel.default("fixed"),
    turnaroundDays: turnaroundDays.optional(),
    sopIds: sopIds.default([]),
    form: form.default([]),
    visibility: visibility.default("hidden"),
    clientIds: clientIds.default([]),
  })
  .superRefine(formRules);
export const updateSchema = z
  .strictObject({
    version,
    name: name.optional(),
    description: description.nullable().optional(),
    deliverables: deliverables.optional(),
    prices: prices.optional(),
    status: z.enum(PackageStatuses, { error: "Choose active or archived." }).optional(),
    category: category.nullable().optional(),
    priceModel: priceModel.optional(),
    turnaroundDays: turnaroundDays.nullable().optional(),
    sopIds: catalogFields.sopIds.optional(),
    form: form.optional(),
    visibility: visibility.optional(),
    clientIds: clientIds.optional(),
  })
  .superRefine(formRules);

const invalid = (fields: Record<string, string>) => new VisibleError("validation", "validation_failed", "Some fields need attention.", { fields });

/** The stored form: each question keeps its id (a new one gets one) and only choices keep options. */
function storedForm(questions: z.output<typeof form>) {
  return questions.map((q) => ({
    id: q.id ?? questionId(),
    kind: q.kind,
    label: q.label,
    ...(q.help ? { help: q.help } : {}),
    required: q.required,
    options: isChoice(q.kind) ? q.options : [],
  }));
}

/** The SOPs must be the agency's; a price is needed unless the service is quoted on request. */
async function checkCatalogFields(agencyId: string, input: { sopIds?: string[] | undefined; priceModel?: string | undefined; prices?: unknown[] | undefined }) {
  const fields: Record<string, string> = {};
  if (input.priceModel && input.priceModel !== "quote" && input.prices !== undefined && !input.prices.length) fields.prices = "Give the package a price in at least one currency.";
  if (input.sopIds?.length) {
    const heads = await Sop.heads(agencyId, input.sopIds);
    heads.forEach((head, i) => {
      if (!head) fields[`sopIds.${i}`] = "That SOP does not exist.";
    });
    if (new Set(input.sopIds).size !== input.sopIds.length) fields.sopIds = "Choose each SOP once.";
  }
  if (Object.keys(fields).length) throw invalid(fields);
}
export const listSchema = z.strictObject({ status: z.enum([...PackageStatuses, "all"], { error: "Choose active, archived or all." }).default("active") });

/** The package catalogue is small (dozens): it is listed whole, by name. */
export const list = fn(listSchema, async (query): Promise<{ items: ServicePackage[]; cursor: null }> => {
  const agencyId = assertOwner();
  const result = await db.entities.servicePackage.query.packagesOfAgency({ agencyId }).go({ pages: "all" });
  const items = result.data.filter((item) => query.status === "all" || item.status === query.status).map(present);
  return { items: items.sort((a, b) => a.name.localeCompare(b.name)), cursor: null };
});

export async function load(agencyId: string, packageId: string): Promise<ServicePackageItem | null> {
  if (!isId("servicePackage", packageId)) return null;
  return (await db.entities.servicePackage.get({ agencyId, packageId }).go({ consistent: true })).data;
}

export async function get(packageId: string): Promise<ServicePackage> {
  const item = await load(assertOwner(), packageId);
  if (!item) throw notFound("Package");
  return present(item);
}

export const create = fn(createSchema, async (input): Promise<ServicePackage> => {
  const agencyId = assertOwner();
  const prices = input.prices ?? [];
  await checkCatalogFields(agencyId, { ...input, prices });
  const packageId = createId("servicePackage");
  const catalog = {
    priceModel: input.priceModel,
    sopIds: input.sopIds,
    form: storedForm(input.form),
    formVersion: 1,
    visibility: input.visibility,
    clientIds: input.clientIds,
    ...(input.category ? { category: input.category } : {}),
    ...(input.turnaroundDays ? { turnaroundDays: input.turnaroundDays } : {}),
  };
  await db.transaction
    .write(({ servicePackage, ...tx }) => [
      servicePackage.create({ agencyId, packageId, name: input.name, deliverables: input.deliverables, prices, ...catalog, ...(input.description ? { description: input.description } : {}) }).commit(),
      Audit.item(tx, Audit.event("package.created", "package", packageId, { name: input.name })),
    ])
    .go();
  return get(packageId);
});

/** Edits or archives a package, conditional on the version the owner read. */
export const update = fn(updateSchema, async ({ version: expected, description: newDescription, category: newCategory, turnaroundDays: newTurnaround, form: newForm, ...rest }, packageId: string): Promise<ServicePackage> => {
  const agencyId = assertOwner();
  const before = await load(agencyId, packageId);
  if (!before) throw notFound("Package");
  await checkCatalogFields(agencyId, { sopIds: rest.sopIds, priceModel: rest.priceModel ?? before.priceModel ?? "fixed", prices: rest.prices ?? before.prices });
  const changes: Partial<ServicePackageItem> = { ...rest };
  const cleared: Array<"description" | "category" | "turnaroundDays"> = [];
  if (newDescription === null || newDescription === "") cleared.push("description");
  else if (newDescription) changes.description = newDescription;
  if (newCategory === null || newCategory === "") cleared.push("category");
  else if (newCategory) changes.category = newCategory;
  if (newTurnaround === null) cleared.push("turnaroundDays");
  else if (newTurnaround !== undefined) changes.turnaroundDays = newTurnaround;
  if (newForm) {
    const stored = storedForm(newForm);
    // A changed form gets a new version: a request filled against the old one is answered 409.
    if (JSON.stringify(presentForm({ form: stored })) !== JSON.stringify(presentForm(before))) {
      changes.form = stored;
      changes.formVersion = (before.formVersion ?? 1) + 1;
    }
  }
  const result = await db.transaction
    .write(({ servicePackage, ...tx }) => [
      (cleared.length ? servicePackage.patch({ agencyId, packageId }).set(changes).remove(cleared) : servicePackage.patch({ agencyId, packageId }).set(changes))
        .add({ version: 1 })
        .where((attr, op) => op.eq(attr.version, expected))
        .commit(),
      Audit.item(tx, Audit.event("package.updated", "package", packageId, { fields: [...Object.keys(changes), ...cleared] })),
    ])
    .go();
  if (failedConditions(result).length) {
    const current = await load(agencyId, packageId);
    throw staleWrite("Package", current && present(current));
  }
  return get(packageId);
});

/** The package's invoice line for a client billed in `currency`: its price there, or a clear error. */
export async function lineFor(agencyId: string, packageId: string, currencyCode: string, quantity: number, field: string) {
  const item = await load(agencyId, packageId);
  const fail = (message: string) => new VisibleError("validation", "validation_failed", "Some fields need attention.", { fields: { [field]: message } });
  if (!item || item.status !== "active") throw fail("Choose one of your active packages.");
  const price = item.prices.find((p) => p.currency === currencyCode);
  if (!price) throw fail(`${item.name} has no price in ${currencyCode}. Add one in the package library.`);
  const deliverablesText = item.deliverables?.length ? `: ${item.deliverables.join("; ")}` : "";
  return {
    kind: "package" as const,
    description: `${item.name}${deliverablesText}`.slice(0, 300),
    quantity,
    unitAmount: price.amount,
    amount: quantity * price.amount,
  };
}
