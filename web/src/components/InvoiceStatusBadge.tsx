import { Badge, type Tone } from "@baton/ui/Badge";
import { t } from "@baton/ui/i18n";
import type { InvoiceStatus } from "@baton/ui/types";
import { Show } from "solid-js";

const tone: Record<InvoiceStatus, Tone> = { draft: "neutral", sent: "info", partially_paid: "warning", paid: "success", void: "neutral" };

/** The invoice's status, and "Overdue" beside it when it is. */
export function InvoiceStatusBadge(props: { status: InvoiceStatus; overdue?: boolean }) {
  return (
    <span class="badge-group">
      <Badge tone={tone[props.status]}>{t(`invoiceStatus.${props.status}`)}</Badge>
      <Show when={props.overdue}>
        <Badge tone="danger">{t("invoices.overdue")}</Badge>
      </Show>
    </span>
  );
}
