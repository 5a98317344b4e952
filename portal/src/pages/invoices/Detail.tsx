import { InvoiceParty } from "@baton/ui/InvoiceParty";
import { api } from "@baton/ui/api";
import { Boundary } from "@baton/ui/Boundary";
import { Button } from "@baton/ui/Button";
import { ErrorMessage } from "@baton/ui/ErrorMessage";
import { formatDate, formatNumber, t } from "@baton/ui/i18n";
import { Title, useSession } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import type { InvoiceDetail, InvoiceLine } from "@baton/ui/types";
import { A, createAsync, revalidate, useParams, useSearchParams } from "@solidjs/router";
import { createSignal, For, Match, onCleanup, onMount, Show, Switch } from "solid-js";
import { formatMoney } from "@baton/ui/money";
import { getInvoice, getInvoices, getOwedInvoices } from "./data";
import { formatMinutes, InvoiceStatusBadge } from "./shared";

/** One invoice as the client reads it: what it covers, what is owed, and how to pay it. */
export default function InvoiceDetailPage() {
  const params = useParams<{ id: string }>();
  const [search] = useSearchParams<{ paid?: string }>();
  const { me } = useSession();
  const detail = createAsync(() => getInvoice(params.id));
  const tz = () => me().timeZone;
  const refresh = () => revalidate([getInvoice.keyFor(params.id), getInvoices.key, getOwedInvoices.key]);

  // Back from Stripe Checkout: the webhook may land a moment later, so fetch again rather than
  // trust the page cached before leaving; coming back to the tab later does the same.
  onMount(() => {
    if (search.paid === "1") void refresh();
  });
  const onVisible = () => {
    if (document.visibilityState === "visible") void refresh();
  };
  document.addEventListener("visibilitychange", onVisible);
  onCleanup(() => document.removeEventListener("visibilitychange", onVisible));

  return (
    <section class="page">
      <div class="page-back">
        <A href="/invoices" class="back-link">
          ← {t("portal.invoice.back")}
        </A>
      </div>
      <Boundary onRetry={() => revalidate(getInvoice.keyFor(params.id))}>
        <Show when={detail()}>
          {(invoice) => {
            const money = (amount: number) => formatMoney(amount, invoice().currency);
            const number = () => invoice().number ?? "";
            return (
              <>
                <Title>{t("portal.invoice.heading", { number: number() })}</Title>
                <PageHeader
                  title={t("portal.invoice.heading", { number: number() })}
                  intro={
                    <span class="header-meta" data-testid="invoice-meta">
                      <InvoiceStatusBadge invoice={invoice()} />
                      <span>{t("portal.invoice.fromAgency", { agency: invoice().agency.name })}</span>
                    </span>
                  }
                  actions={
                    <>
                      <a href={api.invoices.printUrl(invoice().id)} target="_blank" rel="noopener" class="btn btn-secondary">
                        {t("portal.invoice.print")}
                        <span class="sr-only"> {t("portal.invoice.printHint")}</span>
                      </a>
                      <a href={api.invoices.pdfUrl(invoice().id)} download="" class="btn btn-secondary" data-testid="invoice-pdf">
                        {t("portal.invoice.downloadPdf")}
                      </a>
                    </>
                  }
                />
                <StatusNotice invoice={invoice()} thanks={search.paid === "1"} />
                <div class="detail-grid">
                  <div class="stack">
                    <InvoiceBody invoice={invoice()} />
                  </div>
                  <div class="stack">
                    <Show when={invoice().status !== "void" && invoice().balance > 0}>
                      <HowToPay invoice={invoice()} />
                    </Show>
                    <section class="card" aria-labelledby="invoice-payments-title" data-testid="invoice-payments">
                      <h2 id="invoice-payments-title">{t("portal.invoice.payments")}</h2>
                      <Show when={invoice().payments.length > 0} fallback={<p class="muted">{t("portal.invoice.noPayments")}</p>}>
                        <ul class="invoice-payments">
                          <For each={invoice().payments}>
                            {(payment) => (
                              <li>
                                <span>
                                  <time datetime={payment.receivedAt}>{formatDate(payment.receivedAt, tz())}</time>
                                  {" · "}
                                  {t(`portal.paymentMethod.${payment.method}`)}
                                  <Show when={payment.reference}>{(reference) => <span class="muted"> · {reference()}</span>}</Show>
                                </span>
                                <strong class="num">{money(payment.amount)}</strong>
                              </li>
                            )}
                          </For>
                        </ul>
                      </Show>
                    </section>
                    <Show when={invoice().creditNotes.length > 0}>
                      <section class="card" aria-labelledby="invoice-credit-notes-title" data-testid="invoice-credit-notes">
                        <h2 id="invoice-credit-notes-title">{t("portal.invoice.creditNotes")}</h2>
                        <ul class="invoice-payments">
                          <For each={invoice().creditNotes}>
                            {(note) => (
                              <li data-testid="credit-note">
                                <span>
                                  <a href={api.invoices.creditNotePdfUrl(invoice().id, note.id)} download="" aria-label={t("portal.invoice.creditNoteDownload", { number: note.number })}>
                                    {note.number}
                                  </a>
                                  {" · "}
                                  <time datetime={note.issuedAt}>{formatDate(note.issuedAt, tz())}</time>
                                  <span class="muted"> · {note.reason}</span>
                                </span>
                                <strong class="num">−{money(note.total)}</strong>
                              </li>
                            )}
                          </For>
                        </ul>
                      </section>
                    </Show>
                    <Show when={invoice().refunds.length > 0}>
                      <section class="card" aria-labelledby="invoice-refunds-title" data-testid="invoice-refunds">
                        <h2 id="invoice-refunds-title">{t("portal.invoice.refunds")}</h2>
                        <p class="small muted">{t("portal.invoice.refundsNote", { agency: invoice().agency.name })}</p>
                        <ul class="invoice-payments">
                          <For each={invoice().refunds}>
                            {(refund) => (
                              <li data-testid="refund">
                                <span>
                                  <time datetime={refund.refundedAt}>{formatDate(refund.refundedAt, tz())}</time>
                                  {" · "}
                                  {t(`portal.paymentMethod.${refund.method}`)}
                                  <Show when={refund.reference}>{(reference) => <span class="muted"> · {reference()}</span>}</Show>
                                  <Show when={refund.status === "pending"}>
                                    {" "}
                                    <span class="badge badge-info">{t("portal.invoice.refundPending")}</span>
                                  </Show>
                                </span>
                                <strong class="num">{money(refund.amount)}</strong>
                              </li>
                            )}
                          </For>
                        </ul>
                      </section>
                    </Show>
                  </div>
                </div>
              </>
            );
          }}
        </Show>
      </Boundary>
    </section>
  );
}

function StatusNotice(props: { invoice: InvoiceDetail; thanks: boolean }) {
  const { me } = useSession();
  const tz = () => me().timeZone;
  return (
    <div data-testid="invoice-status-notice">
      <Show when={props.thanks && props.invoice.status !== "paid" && props.invoice.status !== "void"}>
        <p class="notice notice-success status-notice" role="status">
          {t("portal.invoice.thanks")}
        </p>
      </Show>
      <Switch>
        <Match when={props.invoice.status === "paid"}>
          <p class="notice notice-success status-notice">
            {t("portal.invoice.paidOn", { date: formatDate(props.invoice.paidAt ?? props.invoice.issuedAt ?? Date.now(), tz()) })}
          </p>
        </Match>
        <Match when={props.invoice.status === "void"}>
          <p class="notice status-notice">{t("portal.invoice.void")}</p>
        </Match>
        <Match when={props.invoice.overdue && props.invoice.dueAt}>
          <p class="notice notice-warning status-notice">
            {t("portal.invoice.overdueNotice", {
              date: formatDate(props.invoice.dueAt!, tz()),
              amount: formatMoney(props.invoice.balance, props.invoice.currency),
            })}
          </p>
        </Match>
      </Switch>
    </div>
  );
}

/** The invoice itself: parties, dates, lines and totals. */
function InvoiceBody(props: { invoice: InvoiceDetail }) {
  const { me } = useSession();
  const tz = () => me().timeZone;
  const money = (amount: number) => formatMoney(amount, props.invoice.currency);
  const percent = (basisPoints: number) => formatNumber(basisPoints / 10_000, { style: "percent", maximumFractionDigits: 2 });
  const quantity = (line: InvoiceLine) => (line.kind === "time" ? t("portal.invoice.hours", { time: formatMinutes(line.quantity) }) : formatNumber(line.quantity));
  const rate = (line: InvoiceLine) => (line.kind === "time" ? t("portal.invoice.perHour", { amount: money(line.unitAmount) }) : money(line.unitAmount));

  return (
    <section class="card invoice-sheet" aria-labelledby="invoice-lines-title">
      <dl class="facts facts-compact invoice-facts">
        <div>
          <dt>{t("portal.invoiceField.from")}</dt>
          <dd data-testid="invoice-issuer">
            <InvoiceParty party={props.invoice.agency} name={props.invoice.agency.legalName ?? props.invoice.agency.name} />
            <Show when={props.invoice.agency.registration}>{(registration) => <div class="muted">{registration()}</div>}</Show>
          </dd>
        </div>
        <div>
          <dt>{t("portal.invoiceField.billedTo")}</dt>
          <dd data-testid="invoice-bill-to">
            <InvoiceParty party={props.invoice.billTo} />
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
          <dt>{t("portal.invoiceField.number")}</dt>
          <dd>
            <code>{props.invoice.number}</code>
          </dd>
        </div>
        <Show when={props.invoice.issuedAt}>
          {(issued) => (
            <div>
              <dt>{t("portal.invoiceField.issued")}</dt>
              <dd>
                <time datetime={issued()}>{formatDate(issued(), tz())}</time>
              </dd>
            </div>
          )}
        </Show>
        <Show when={props.invoice.dueAt}>
          {(due) => (
            <div>
              <dt>{t("portal.invoiceField.due")}</dt>
              <dd>
                <time datetime={due()} classList={{ "attention-text": props.invoice.overdue }}>
                  {formatDate(due(), tz())}
                </time>
              </dd>
            </div>
          )}
        </Show>
      </dl>

      <h2 id="invoice-lines-title">{t("portal.invoice.lines")}</h2>
      <Show when={props.invoice.lines.length > 0} fallback={<p class="muted">{t("portal.invoice.noLines")}</p>}>
        <div class="table-wrap">
          <table class="table table-stack invoice-lines" data-testid="invoice-lines">
            <caption class="sr-only">{t("portal.invoice.lines")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("portal.invoiceField.description")}</th>
                <th scope="col" class="num">
                  {t("portal.invoiceField.quantity")}
                </th>
                <th scope="col" class="num">
                  {t("portal.invoiceField.rate")}
                </th>
                <th scope="col" class="num">
                  {t("portal.invoiceField.amount")}
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={props.invoice.lines}>
                {(line) => (
                  <tr data-testid="invoice-line">
                    <td data-label={t("portal.invoiceField.description")}>{line.description}</td>
                    <td data-label={t("portal.invoiceField.quantity")} class="num">
                      {quantity(line)}
                    </td>
                    <td data-label={t("portal.invoiceField.rate")} class="num">
                      {rate(line)}
                    </td>
                    <td data-label={t("portal.invoiceField.amount")} class="num">
                      {money(line.amount)}
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>

      <dl class="invoice-totals" data-testid="invoice-totals">
        <div>
          <dt>{t("portal.invoiceField.subtotal")}</dt>
          <dd>{money(props.invoice.subtotal)}</dd>
        </div>
        <Show when={props.invoice.taxRate > 0 || props.invoice.tax > 0}>
          <div>
            <dt>{t("portal.invoice.tax", { name: props.invoice.taxName, rate: percent(props.invoice.taxRate) })}</dt>
            <dd>{money(props.invoice.tax)}</dd>
          </div>
        </Show>
        <div class="invoice-total">
          <dt>{t("portal.invoiceField.total")}</dt>
          <dd>{money(props.invoice.total)}</dd>
        </div>
        <Show when={props.invoice.amountPaid > 0}>
          <div>
            <dt>{t("portal.invoiceField.paid")}</dt>
            <dd>−{money(props.invoice.amountPaid)}</dd>
          </div>
        </Show>
        <Show when={props.invoice.credited > 0}>
          <div data-testid="invoice-credited">
            <dt>{t("portal.invoice.credited")}</dt>
            <dd>−{money(props.invoice.credited)}</dd>
          </div>
        </Show>
        <div class="invoice-balance">
          <dt>{t("portal.invoiceField.balanceDue")}</dt>
          <dd>{money(props.invoice.status === "void" ? 0 : props.invoice.balance)}</dd>
        </div>
        {/* Paid beyond what credit notes left: the agency owes it back, and says what it refunded. */}
        <Show when={props.invoice.refunded > 0}>
          <div data-testid="invoice-refunded">
            <dt>{t("portal.invoice.refunded")}</dt>
            <dd>{money(props.invoice.refunded)}</dd>
          </div>
        </Show>
        <Show when={props.invoice.toRefund > 0}>
          <div data-testid="invoice-to-refund">
            <dt>{t("portal.invoice.toRefund")}</dt>
            <dd>{money(props.invoice.toRefund)}</dd>
          </div>
        </Show>
      </dl>

      <Show when={props.invoice.notes}>
        {(notes) => (
          <>
            <h3 class="subheading">{t("portal.invoice.notes")}</h3>
            <div class="prose-text">{notes()}</div>
          </>
        )}
      </Show>
    </section>
  );
}

/** Card payment through Stripe Checkout when the agency has it, and the agency's own instructions. */
function HowToPay(props: { invoice: InvoiceDetail }) {
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const amount = () => formatMoney(props.invoice.balance, props.invoice.currency);

  async function payByCard() {
    setPending(true);
    setError(undefined);
    try {
      const { url } = await api.invoices.checkout(props.invoice.id);
      // Stays pending: the browser is leaving for Stripe's page.
      window.location.assign(url);
    } catch (e) {
      setError(e);
      setPending(false);
    }
  }

  return (
    <section class="card invoice-pay" aria-labelledby="invoice-pay-title" data-testid="invoice-pay">
      <h2 id="invoice-pay-title">{t("portal.invoice.pay")}</h2>
      <Show when={props.invoice.cardPayments}>
        <div class="invoice-card-pay">
          <ErrorMessage error={error()} />
          <Button variant="primary" pending={pending()} onClick={() => void payByCard()}>
            {t("portal.invoice.payByCard", { amount: amount() })}
          </Button>
          <p class="small muted">{t("portal.invoice.cardHint")}</p>
        </div>
      </Show>
      <Show
        when={props.invoice.paymentInstructions}
        fallback={
          <Show when={!props.invoice.cardPayments}>
            <p>{t("portal.invoice.noInstructions", { agency: props.invoice.agency.name })}</p>
          </Show>
        }
      >
        {(instructions) => (
          <>
            <Show when={props.invoice.cardPayments}>
              <h3 class="subheading">{t("portal.invoice.orTransfer")}</h3>
            </Show>
            <div class="prose-text invoice-instructions" data-testid="payment-instructions">
              {instructions()}
            </div>
            <p class="invoice-reference">{t("portal.invoice.quoteReference", { number: props.invoice.number ?? "" })}</p>
          </>
        )}
      </Show>
    </section>
  );
}
