import { formatDate, t } from "@baton/ui/i18n";
import type { InvoiceDetail, InvoiceLine } from "@baton/ui/types";
import { For, Show } from "solid-js";
import { hoursMinutes, money, percent } from "../format";
import { CreditedTotal } from "./CreditNotes";
import { RefundTotals } from "./Refunds";

// An invoice's lines with its totals, and the payments recorded on it.

export function LinesCard(props: { invoice: InvoiceDetail }) {
  const m = (amount: number) => money(amount, props.invoice.currency);
  const quantity = (line: InvoiceLine) => (line.kind === "time" ? t("invoice.timeQuantity", { duration: hoursMinutes(line.quantity), rate: m(line.unitAmount) }) : String(line.quantity));
  return (
    <section class="card" aria-labelledby="invoice-lines-title">
      <h2 id="invoice-lines-title">{t("invoice.linesTitle")}</h2>
      <div class="table-wrap">
        <table class="table table-stack invoice-lines">
          <caption class="sr-only">{t("invoice.linesTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("invoice.line")}</th>
              <th scope="col">{t("invoice.quantity")}</th>
              <th scope="col" class="num">{t("invoice.unitPrice")}</th>
              <th scope="col" class="num">{t("invoice.amount")}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.invoice.lines}>
              {(line) => (
                <tr data-testid="invoice-line" data-kind={line.kind}>
                  <td data-label={t("invoice.line")}>{line.description}</td>
                  <td data-label={t("invoice.quantity")}>{quantity(line)}</td>
                  <td data-label={t("invoice.unitPrice")} class="num">{line.kind === "time" ? "—" : m(line.unitAmount)}</td>
                  <td data-label={t("invoice.amount")} class="num">{m(line.amount)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <dl class="invoice-totals" data-testid="invoice-totals">
        <div>
          <dt>{t("invoice.subtotal")}</dt>
          <dd>{m(props.invoice.subtotal)}</dd>
        </div>
        <div>
          <dt>{t("invoice.tax", { name: props.invoice.taxName, rate: percent(props.invoice.taxRate) })}</dt>
          <dd>{m(props.invoice.tax)}</dd>
        </div>
        <div class="invoice-total" data-testid="invoice-total">
          <dt>{t("invoice.total")}</dt>
          <dd>{m(props.invoice.total)}</dd>
        </div>
        <Show when={props.invoice.status !== "draft" && props.invoice.status !== "void"}>
          <div>
            <dt>{t("invoice.paid")}</dt>
            <dd>{m(props.invoice.amountPaid)}</dd>
          </div>
          <CreditedTotal invoice={props.invoice} />
          <div class="invoice-total" data-testid="invoice-balance">
            <dt>{t("invoice.balance")}</dt>
            <dd>{m(props.invoice.balance)}</dd>
          </div>
          <RefundTotals invoice={props.invoice} />
        </Show>
      </dl>
    </section>
  );
}
export function PaymentsCard(props: { invoice: InvoiceDetail }) {
  return (
    <section class="card" aria-labelledby="invoice-payments-title">
      <h2 id="invoice-payments-title">{t("invoice.paymentsTitle")}</h2>
      <Show when={props.invoice.payments.length} fallback={<p class="muted">{t("invoice.noPayments")}</p>}>
        <div class="table-wrap">
          <table class="table table-stack">
            <caption class="sr-only">{t("invoice.paymentsTitle")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("invoice.received")}</th>
                <th scope="col">{t("invoice.method")}</th>
                <th scope="col">{t("invoice.reference")}</th>
                <th scope="col" class="num">{t("invoice.amount")}</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.invoice.payments}>
                {(payment) => (
                  <tr data-testid="payment-row">
                    <td data-label={t("invoice.received")}>{formatDate(payment.receivedAt)}</td>
                    <td data-label={t("invoice.method")}>{t(`paymentMethod.${payment.method}`)}</td>
                    <td data-label={t("invoice.reference")}>{payment.reference ?? "—"}</td>
                    <td data-label={t("invoice.amount")} class="num">{money(payment.amount, payment.currency)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </section>
  );
}
