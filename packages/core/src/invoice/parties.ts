import type { AgencyItem } from "../agency/entity.ts";
import type { ClientItem } from "../client/entity.ts";
import type { InvoiceItem } from "./entity.ts";

// Who an invoice is from and to, as the law wants it printed: the agency's legal name, address,
// tax id and registration, and the client's billing name, address and tax id. A draft shows
// today's details; sending stamps them on the invoice, so an issued invoice never changes.

export type Issuer = { name: string; legalName: string | null; address: string | null; taxId: string | null; registration: string | null };
export type BillTo = { name: string; address: string | null; taxId: string | null };

export function issuerOf(agency: AgencyItem | null | undefined): Issuer {
  return {
    name: agency?.name ?? "",
    legalName: agency?.legalName ?? null,
    address: agency?.legalAddress ?? null,
    taxId: agency?.taxId ?? null,
    registration: agency?.registrationText ?? null,
  };
}

export function billToOf(client: Pick<ClientItem, "name" | "billingName" | "billingAddress" | "billingTaxId">): BillTo {
  return { name: client.billingName ?? client.name, address: client.billingAddress ?? null, taxId: client.billingTaxId ?? null };
}

/** The parties stamped when the invoice was sent; none on a draft (or an invoice sent before stamping). */
export function stampedParties(item: Pick<InvoiceItem, "issuerJson" | "billToJson">): { issuer?: Issuer; billTo?: BillTo } {
  return {
    ...(item.issuerJson ? { issuer: JSON.parse(item.issuerJson) as Issuer } : {}),
    ...(item.billToJson ? { billTo: JSON.parse(item.billToJson) as BillTo } : {}),
  };
}
