import { Entity, type EntityItem } from "electrodb";
import { agencyKey, timestamps, versioned } from "../db/attributes.ts";

export const PackageStatuses = ["active", "archived"] as const;

/** A fixed-price service with defined deliverables, priced in each currency the agency bills in. */
export const ServicePackageEntity = new Entity({
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
