import type { EntityItem } from "electrodb";
import { defineEntity } from "../db/entity.ts";
import { agencyKey, timestamps, versioned } from "../db/attributes.ts";
import { questionsAttribute } from "../onboarding/entity.ts";

export const PackageStatuses = ["active", "archived"] as const;
/** How a service is priced: a fixed price, per hour, per month (retainer), or quoted per request. */
export const PriceModels = ["fixed", "hourly", "retainer", "quote"] as const;
/** Which clients see a service in the portal's catalog: every client, the ones chosen, or none. */
export const Visibilities = ["all", "chosen", "hidden"] as const;

/**
 * A service of the agency's catalog: invoices draw lines from it (a fixed-price package with
 * deliverables, priced in each currency the agency bills in) and clients request it in the portal
 * through its own intake form. Items saved before the catalog read as fixed, hidden, formless.
 */
export const ServicePackageEntity = defineEntity({
  model: { entity: "servicePackage", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    packageId: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    description: { type: "string" },
    deliverables: { type: "list", items: { type: "string" }, required: true, default: () => [] },
    /** One price per currency, in that currency's minor units. */
    prices: {
      type: "list",
      required: true,
      items: { type: "map", properties: { currency: { type: "string", required: true }, amount: { type: "number", required: true } } },
    },
    status: { type: PackageStatuses, required: true, default: "active" },
    category: { type: "string" },
    /** Absent on packages saved before the catalog: fixed. */
    priceModel: { type: PriceModels },
    /** Business days from acceptance to delivery; absent: not promised. */
    turnaroundDays: { type: "number" },
    /** The SOPs that deliver it: accepting a request for it proposes one task per SOP. */
    sopIds: { type: "list", items: { type: "string" } },
    /** The intake form clients fill when they request it (the onboarding questionnaire's field kinds). */
    form: { ...questionsAttribute, required: false },
    /** Goes up each time the form changes: a request sent against an older one is refused with the current form. */
    formVersion: { type: "number" },
    /** Absent on packages saved before the catalog: hidden (they were never offered to clients). */
    visibility: { type: Visibilities },
    /** The clients who see it when visibility is "chosen". */
    clientIds: { type: "list", items: { type: "string" } },
    ...timestamps,
    ...versioned,
  },
  indexes: {
    packagesOfAgency: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: ["packageId"] },
    },
  },
});

export type ServicePackageItem = EntityItem<typeof ServicePackageEntity>;
