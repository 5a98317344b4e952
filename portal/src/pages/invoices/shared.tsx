import { Badge, type Tone } from "@baton/ui/Badge";
import { t } from "@baton/ui/i18n";
import type { Invoice, InvoiceStatus } from "@baton/ui/types";
import { Show } from "solid-js";
import { formatMoney } from "@baton/ui/money";

// Pieces the invoice pages share: the status badge and sums of what is owed.

type Shown = Exclude<InvoiceStatus, "draft">;
const tone: Record<Shown, Tone> = { sent: "info", partially_paid: "info", paid: "success", void: "neutral" };

/** The status, with "Overdue" beside it when the due date has passed and money is owed. */
export function InvoiceStatusBadge(props: { invoice: Pick<Invoice, "status" | "overdue"> }) {
  // Contacts never see drafts (the API hides them); "sent" is the closest fallback regardless.
  const status = (): Shown => (props.invoice.status === "draft" ? "sent" : props.invoice.status);
  return (
    <span class="badges">
      <Badge tone={tone[status()]}>{t(`portal.invoiceStatus.${status()}`)}</Badge>
      <Show when={props.invoice.overdue}>
        <Badge tone="danger">{t("portal.invoiceStatus.overdue")}</Badge>
      </Show>
    </span>
  );
}

export const isOwed = (invoice: Pick<Invoice, "status" | "balance">) =>
  (invoice.status === "sent" || invoice.status === "partially_paid") && invoice.balance > 0;

/** Balances added up per currency, "$1,234.00 + €50.00" when a company is billed in more than one. */
export function totalOwed(invoices: Pick<Invoice, "balance" | "currency">[]): string {
  const sums = new Map<string, number>();
  for (const invoice of invoices) sums.set(invoice.currency, (sums.get(invoice.currency) ?? 0) + invoice.balance);
  return [...sums].map(([currency, amount]) => formatMoney(amount, currency)).join(" + ");
}

/** Minutes as h:mm ("1:05"), how time lines show their quantity. */
export { formatMinutes } from "@baton/ui/time";
