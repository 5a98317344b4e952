import { api } from "@baton/ui/api";
import type { PriceModel, ServicePackage, ServiceVisibility } from "@baton/ui/types";
import { t } from "@baton/ui/i18n";
import { query } from "@solidjs/router";

type Query = Record<string, string | string[] | undefined>;

export type PackageFilter = "active" | "archived" | "all";
export const packageFilters: PackageFilter[] = ["active", "archived", "all"];

/** The library is small and listed whole, by name; "packages." is every list of it. */
export const getPackages = query((status: PackageFilter) => api.packages.list(status), "packages.list");
export const packageKeys = "packages.";

/** `?status=`: active (the default), archived or all. */
export const parsePackageFilter = (value: unknown): PackageFilter => (packageFilters.includes(value as PackageFilter) ? (value as PackageFilter) : "active");

export const preloadPackages = (query: Query) => void getPackages(parsePackageFilter(query.status));

/** The package's price in `currency` (minor units), if it has one. */
export const priceIn = (pkg: ServicePackage, currency: string) => pkg.prices.find((price) => price.currency === currency)?.amount;

export const priceModels = ["fixed", "hourly", "retainer", "quote"] as const satisfies readonly PriceModel[];
export const visibilities = ["all", "chosen", "hidden"] as const satisfies readonly ServiceVisibility[];

/** A price as its model reads: "€50.00", "€50.00 an hour", "€50.00 a month". */
export const priced = (model: PriceModel, amount: string) => (model === "hourly" ? t("packages.perHour", { amount }) : model === "retainer" ? t("packages.perMonth", { amount }) : amount);
