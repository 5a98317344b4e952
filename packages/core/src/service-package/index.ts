import { z } from "zod";
import { assertOwner } from "../actor/index.ts";
import { Audit } from "../audit/index.ts";
import { staleWrite } from "../db/conflict.ts";
import { db } from "../db/index.ts";
import { failedConditions } from "../db/transaction.ts";
import { notFound, VisibleError } from "../error/index.ts";
import { currency, minorAmount, version } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
import { createId, isId } from "../id/index.ts";
import { PackageStatuses, type ServicePackageItem } from "./entity.ts";

export * as ServicePackages from "./index.ts";
// Output schemas: what this area's functions answer, as the OpenAPI document declares it.
export * from "./output.ts";
export { PackageStatuses } from "./entity.ts";

// The agency's service packages: fixed-price work with defined deliverables ("Website care:
// 4 updates, 1 report"), priced per currency so each client is billed in their own. An invoice
// copies the package's name, deliverables and price in the client's currency when drafted, so
// changing a package never changes an invoice already made.

export type ServicePackage = {
  id: string;
  name: string;
  description: string | null;
  deliverables: string[];
  prices: Array<{ currency: string; amount: number }>;
  status: ServicePackageItem["status"];
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

export const createSchema = z.strictObject({ name, description: description.optional(), deliverables: deliverables.default([]), prices });
export const updateSchema = z.strictObject({
  version,
  name: name.optional(),
  description: description.nullable().optional(),
  deliverables: deliverables.optional(),
  prices: prices.optional(),
  status: z.enum(PackageStatuses, { error: "Choose active or archived." }).optional(),
});
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
  const packageId = createId("servicePackage");
  await db.transaction
    .write(({ servicePackage, ...tx }) => [
      servicePackage.create({ agencyId, packageId, name: input.name, deliverables: input.deliverables, prices: input.prices, ...(input.description ? { description: input.description } : {}) }).commit(),
      Audit.item(tx, Audit.event("package.created", "package", packageId, { name: input.name })),
    ])
    .go();
  return get(packageId);
});

/** Edits or archives a package, conditional on the version the owner read. */
export const update = fn(updateSchema, async ({ version: expected, description: newDescription, ...changes }, packageId: string): Promise<ServicePackage> => {
  const agencyId = assertOwner();
  if (!(await load(agencyId, packageId))) throw notFound("Package");
  const clearDescription = newDescription === null || newDescription === "";
  const result = await db.transaction
    .write(({ servicePackage, ...tx }) => [
      (clearDescription
        ? servicePackage.patch({ agencyId, packageId }).set(changes).remove(["description"])
        : servicePackage.patch({ agencyId, packageId }).set({ ...changes, ...(newDescription ? { description: newDescription } : {}) })
      )
        .add({ version: 1 })
        .where((attr, op) => op.eq(attr.version, expected))
        .commit(),
      Audit.item(tx, Audit.event("package.updated", "package", packageId, { fields: Object.keys({ ...changes, ...(newDescription !== undefined ? { description: 1 } : {}) }) })),
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
