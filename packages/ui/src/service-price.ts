import { t } from "./i18n";
import { formatMoney } from "./money";
import type { CatalogService } from "./types";

/** A catalog service's price as its model reads: "€50.00", "€50.00 an hour", "€50.00 a month", or "priced on request". */
export function priceText(service: Pick<CatalogService, "priceModel" | "prices">): string {
  if (service.priceModel === "quote" || !service.prices.length) return t("portal.catalog.quote");
  return service.prices
    .map((price) => {
      const amount = formatMoney(price.amount, price.currency);
      return service.priceModel === "hourly" ? t("packages.perHour", { amount }) : service.priceModel === "retainer" ? t("packages.perMonth", { amount }) : amount;
    })
    .join(" · ");
}
