import { ApiError } from "@baton/ui/api";
import type { Submission } from "@baton/ui/Form";
import { t } from "@baton/ui/i18n";
import { Money } from "@baton/ui/money";
import type { Client, InvoiceInput, ServicePackage } from "@baton/ui/types";
import type { SetStoreFunction } from "solid-js/store";
import { priceIn } from "../../packages/data";
import { invalidAmount, parsePercent, percentText } from "../format";
import { share, sum, type PreviewLine } from "../preview";

// The new-invoice form's values and the rules that read them: what is sent to the API, and what
// the preview and the deposit share work out from the typed text. No components here.

export type LineValues = { kind: "package" | "custom"; packageId: string; description: string; quantity: string; unitPrice: string };
export type Values = {
  clientId: string;
  from: string;
  to: string;
  includeTime: boolean;
  lines: LineValues[];
  deposit: boolean;
  depositPercent: string;
  depositOf: string;
  depositDescription: string;
  /** Deposit invoices to take off, in the order ticked (the API's `deductDeposits.N` errors follow it). */
  deductDeposits: string[];
  notes: string;
  /** The client's purchase-order number, printed on the invoice. */
  purchaseOrder: string;
};


/** What every card of the form is given: the values, their setter, the submission and the chosen client. */
export type Draft = {
  values: Values;
  set: SetStoreFunction<Values>;
  submission: Submission;
  client: Client | undefined;
  currency: string;
  packages: ServicePackage[];
};

/** A fresh form for `clientId` ("" for none chosen yet). */
export const blankValues = (clientId: string): Values => ({
  clientId,
  from: "",
  to: "",
  includeTime: true,
  lines: [],
  deposit: false,
  depositPercent: "",
  depositOf: "",
  depositDescription: "",
  deductDeposits: [],
  notes: "",
  purchaseOrder: "",
});

/** A deposit invoice bills only its deposit (the core ignores time on it too). */
export const billsTime = (values: Pick<Values, "includeTime" | "deposit">) => values.includeTime && !values.deposit;

/** Field errors found before asking the API, shown the way the API's are. */
export const invalid = (fields: Record<string, string>) => new ApiError(400, "validation_failed", "", fields);

const quantityOf = (line: LineValues) => {
  const quantity = Number(line.quantity);
  return Number.isInteger(quantity) && quantity >= 1 ? quantity : undefined;
};


/** The typed values as the API's input; amounts typed in major units become minor units of `currency`. */
export function toInput(values: Values, currency: string): InvoiceInput {
  const fields: Record<string, string> = {};
  const lines = values.lines.map((line, i) => {
    const quantity = quantityOf(line);
    if (quantity === undefined) fields[`lines.${i}.quantity`] = t("invoiceNew.invalidQuantity");
    if (line.kind === "package") {
      // The API prices a package line from the library, in the client's currency.
      if (!line.packageId) fields[`lines.${i}.packageId`] = t("invoiceNew.choosePackage");
      return { kind: "package" as const, packageId: line.packageId, quantity: quantity ?? 0 };
    }
    const unitAmount = Money.parseMajor(line.unitPrice, currency);
    if (unitAmount === undefined) fields[`lines.${i}.unitAmount`] = invalidAmount(currency);
    return { kind: "custom" as const, description: line.description.trim(), quantity: quantity ?? 0, unitAmount: unitAmount ?? 0 };
  });
  let deposit: InvoiceInput["deposit"];
  if (values.deposit) {
    const basisPoints = parsePercent(values.depositPercent);
    if (basisPoints === undefined) fields["deposit.percent"] = t("invoiceNew.invalidPercent");
    // With lines, the deposit is a share of them (the API works it out); without, of an amount typed here.
    const of = lines.length ? undefined : Money.parseMajor(values.depositOf, currency);
    if (!lines.length && of === undefined) fields["deposit.of"] = invalidAmount(currency);
    const description = values.depositDescription.trim();
    deposit = { percent: basisPoints ?? 0, ...(of !== undefined ? { of } : {}), ...(description ? { description } : {}) };
  }
  if (Object.keys(fields).length) throw invalid(fields);
  const notes = values.notes.trim();
  const purchaseOrder = values.purchaseOrder.trim();
  return {
    clientId: values.clientId,
    includeTime: billsTime(values),
    ...(billsTime(values) && values.from ? { from: values.from } : {}),
    ...(billsTime(values) && values.to ? { to: values.to } : {}),
    lines,
    ...(deposit ? { deposit } : {}),
    ...(values.deductDeposits.length ? { deductDeposits: values.deductDeposits } : {}),
    ...(notes ? { notes } : {}),
    ...(purchaseOrder ? { purchaseOrder } : {}),
  };
}

export const emptyLine = (kind: LineValues["kind"]): LineValues => ({ kind, packageId: "", description: "", quantity: "1", unitPrice: "" });
/** A client's deposit terms as typed text ("50"), or "" when they have none. */
export const termsOf = (client: Client | undefined) => (client?.billing.depositRate ? percentText(client.billing.depositRate) : "");

/** The lines as typed, with amounts where they parse (package lines priced from the library). */
export function typedLines(values: Values, packages: ServicePackage[], currency: string): PreviewLine[] {
  return values.lines.map((line) => {
    const quantity = quantityOf(line);
    if (line.kind === "package") {
      const pkg = packages.find((p) => p.id === line.packageId);
      const price = pkg && priceIn(pkg, currency);
      const name = pkg?.name ?? t("invoiceNew.choosePackage");
      return { kind: "package", description: quantity && quantity > 1 ? `${quantity} × ${name}` : name, amount: quantity && price !== undefined ? quantity * price : undefined };
    }
    const unit = Money.parseMajor(line.unitPrice, currency);
    const name = line.description.trim() || "—";
    return { kind: "custom", description: quantity && quantity > 1 ? `${quantity} × ${name}` : name, amount: quantity && unit !== undefined ? quantity * unit : undefined };
  });
}

/** The deposit's share and what it is a share of: the lines above, or an amount typed here. */
export function depositOf(values: Values, packages: ServicePackage[], currency: string) {
  const lines = typedLines(values, packages, currency);
  const basisPoints = parsePercent(values.depositPercent);
  const base = lines.length ? sum(lines.map((line) => line.amount)) : Money.parseMajor(values.depositOf, currency);
  return { ofLines: lines.length > 0, basisPoints, base, amount: basisPoints ? share(base, basisPoints) : undefined };
}
