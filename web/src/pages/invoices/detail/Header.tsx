import { api } from "@baton/ui/api";
import { Badge } from "@baton/ui/Badge";
import { Button, buttonClass } from "@baton/ui/Button";
import { t } from "@baton/ui/i18n";
import { PageHeader } from "@baton/ui/Shell";
import type { InvoiceDetail } from "@baton/ui/types";
import { A } from "@solidjs/router";
import { Show } from "solid-js";
import { InvoiceStatusBadge } from "../../../components/InvoiceStatusBadge";
import { money } from "../format";
import type { Action } from "./actions";

// The invoice page's header: its number, status and total, and what can be done to it now.

export function InvoiceHeader(props: { invoice: InvoiceDetail; title: string; open: (action: Action) => void }) {
  const back = (
    <A href="/invoices" class="back-link">
      ← {t("invoices.back")}
    </A>
  );
  return (
    <PageHeader
      back={back}
      title={props.title}
      intro={
        <span class="header-meta" data-testid="invoice-meta">
          <InvoiceStatusBadge status={props.invoice.status} overdue={props.invoice.overdue} />
          <Show when={props.invoice.kind === "deposit"}>
            <Badge tone="info">{t("invoice.kindDeposit")}</Badge>
          </Show>
          <span>{props.invoice.client.name}</span>
          <span>{money(props.invoice.total, props.invoice.currency)}</span>
        </span>
      }
      actions={<HeaderActions invoice={props.invoice} open={props.open} />}
    />
  );
}

/** Print always; delete or send a draft; void or record a payment on an invoice still owed; credit a sent one with something left to credit. */
function HeaderActions(props: { invoice: InvoiceDetail; open: (action: Action) => void }) {
  const d = () => props.invoice;
  const payable = () => d().status === "sent" || d().status === "partially_paid";
  const creditable = () => (payable() || d().status === "paid") && d().total - d().credited > 0;
  return (
    <>
      <a href={api.invoices.printUrl(d().id)} target="_blank" rel="noopener" class={buttonClass("secondary", "sm")}>
        {t("invoice.print")}
      </a>
      <a href={api.invoices.pdfUrl(d().id)} download="" class={buttonClass("secondary", "sm")} data-testid="invoice-pdf">
        {t("invoice.downloadPdf")}
      </a>
      <Show when={d().status === "draft"}>
        <Button class="btn-danger-text" onClick={() => props.open("delete")}>
          {t("invoice.delete")}
        </Button>
        <Button onClick={() => props.open("edit")} data-testid="invoice-edit">
          {t("invoice.edit")}
        </Button>
        <Button variant="primary" onClick={() => props.open("send")}>
          {t("invoice.send")}
        </Button>
      </Show>
      <Show when={payable()}>
        {/* A deposit taken off another invoice stays until that one is deleted or voided. */}
        <Show when={d().amountPaid === 0 && d().credited === 0 && !d().deductedOn}>
          <Button class="btn-danger-text" onClick={() => props.open("void")}>
            {t("invoice.void")}
          </Button>
        </Show>
      </Show>
      <Show when={d().status !== "draft" && d().status !== "void" && d().exchangeRate && !d().exchangeRate!.rate}>
        <Button onClick={() => props.open("rate")} data-testid="set-rate">
          {t("invoice.setRate")}
        </Button>
      </Show>
      <Show when={creditable()}>
        <Button onClick={() => props.open("creditNote")} data-testid="issue-credit-note">
          {t("creditNote.issue")}
        </Button>
      </Show>
      <Show when={d().toRefund > 0}>
        <Button variant="primary" onClick={() => props.open("refund")} data-testid="record-refund">
          {t("refund.record")}
        </Button>
      </Show>
      <Show when={payable()}>
        <Button variant="primary" onClick={() => props.open("payment")}>
          {t("invoice.recordPayment")}
        </Button>
      </Show>
    </>
  );
}
