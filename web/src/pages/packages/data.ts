import { api } from "@baton/ui/api";
import type { ServicePackage } from "@baton/ui/types";
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
