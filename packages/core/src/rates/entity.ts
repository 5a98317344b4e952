import type { EntityItem } from "electrodb";
import { defineEntity } from "../db/entity.ts";
import { agencyKey, timestamps } from "../db/attributes.ts";

/**
 * An exchange rate the owner keeps: 1 `currency` = `rate` of the agency's currency, as of
 * `date` (the owner's, "YYYY-MM-DD" in the agency's zone). One per currency: setting it again
 * replaces it. The rate is an exact decimal string (money/convert.ts), never a float.
 */
export const ExchangeRateEntity = defineEntity({
  model: { entity: "exchangeRate", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    currency: { type: "string", required: true, readOnly: true },
    rate: { type: "string", required: true },
    date: { type: "string", required: true },
    setBy: { type: "string", required: true },
    ...timestamps,
  },
  indexes: {
    ratesOfAgency: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: ["currency"] },
    },
  },
});

export type ExchangeRateItem = EntityItem<typeof ExchangeRateEntity>;
