import { InvoiceParty } from "@baton/ui/InvoiceParty";
import { formatDate, t } from "@baton/ui/i18n";
import type { InvoiceDetail } from "@baton/ui/types";
import { A } from "@solidjs/router";
import { Index, Show } from "solid-js";
import { InvoiceLink } from "./InvoiceLink";

// Who an invoice bills and when: the party, the purchase order, the dates and terms, and how it
// stands with deposits.

export function FactsCard(props: { invoice: InvoiceDetail; title: string }) {
  return (
    <section class="card" aria-labelledby="invoice-facts-title">
      <h2 id="invoice-facts-title" class="sr-only">{props.title}</h2>
      <dl class="facts">
        <div>
          <dt>{t("invoice.billTo")}</dt>
          <dd data-testid="invoice-bill-to">
            <A href={`/clients/${encodeURIComponent(props.invoice.client.id)}`}>{props.invoice.client.name}</A>
            <Show when={props.invoice.billTo.name !== props.invoice.client.name || props.invoice.billTo.address || props.invoice.billTo.taxId}>
              <InvoiceParty party={props.invoice.billTo} />
            </Show>
          </dd>
        </div>
        <Show when={props.invoice.purchaseOrder}>
          {(po) => (
            <div>
              <dt>{t("party.purchaseOrder")}</dt>
              <dd>{po()}</dd>
            </div>
          )}
        </Show>
        <div>
          <dt>{t("invoice.issuedAt")}</dt>
          <dd>{props.invoice.issuedAt ? formatDate(props.invoice.issuedAt!) : <span class="muted">{t("invoice.notIssued")}</span>}</dd>
        </div>
        <Show when={props.invoice.dueAt}>
          {(due) => (
            <div>
              <dt>{t("invoice.dueAt")}</dt>
              <dd classList={{ "text-overdue": props.invoice.overdue }}>{formatDate(due())}</dd>
            </div>
          )}
        </Show>
        <div>
          <dt>{t("invoice.terms")}</dt>
          <dd>{t("invoice.termsDays", { count: props.invoice.paymentTermsDays })}</dd>
        </div>
        <Show when={props.invoice.paidAt}>
          {(paid) => (
            <div>
              <dt>{t("invoice.paidAt")}</dt>
              <dd>{formatDate(paid())}</dd>
            </div>
          )}
        </Show>
        <DepositFacts invoice={props.invoice} />
        <ExchangeRateFact invoice={props.invoice} />
      </dl>
    </section>
  );
}

/** A deposit: the invoice it was taken off; a final invoice: the deposits it takes off. */
function DepositFacts(props: { invoice: InvoiceDetail }) {
  return (
    <>
      <Show when={props.invoice.kind === "deposit" && props.invoice.status !== "draft" && props.invoice.status !== "void"}>
        <div data-testid="deposit-taken-off">
          <dt>{t("invoice.takenOff")}</dt>
          <dd>
            <Show when={props.invoice.deductedOn} fallback={<span class="muted">{t("invoice.notTakenOff")}</span>}>
              {(on) => <InvoiceLink id={on()} fallback={t("invoice.finalInvoice")} />}
            </Show>
          </dd>
        </div>
      </Show>
      <Show when={props.invoice.depositIds.length > 0}>
        <div data-testid="deposits-taken-off">
          <dt>{t("invoice.depositsTakenOff")}</dt>
          <dd>
            <Index each={props.invoice.depositIds}>
              {(id, i) => (
                <>
                  {i > 0 ? ", " : ""}
                  <InvoiceLink id={id()} fallback={t("invoice.aDeposit")} />
                </>
              )}
            </Index>
          </dd>
        </div>
      </Show>
    </>
  );
}

/** The rate stamped when it was sent in another currency than the agency's: the owner's alone (the API gives it to no client). */
function ExchangeRateFact(props: { invoice: InvoiceDetail }) {
  return (
    <Show when={props.invoice.exchangeRate}>
      {(stamp) => (
        <div data-testid="invoice-exchange-rate">
          <dt class="sr-only">{t("rates.title")}</dt>
          <dd class="muted small">
            <Show when={stamp().rate} fallback={t("rates.invoiceNone")}>
              {t("rates.invoiceStamp", { currency: props.invoice.currency, rate: stamp().rate!, to: stamp().to, date: stamp().date ? formatDate(`${stamp().date}T12:00:00Z`, "UTC") : "" })}
            </Show>
          </dd>
        </div>
      )}
    </Show>
  );
}
