import { todayIn } from "@baton/kernel/dates";
import { InvoiceParty } from "@baton/ui/InvoiceParty";
import { api, ApiError, isApiError } from "@baton/ui/api";
import { Badge } from "@baton/ui/Badge";
import { Boundary } from "@baton/ui/Boundary";
import { Button, buttonClass } from "@baton/ui/Button";
import { ConfirmDialog, Dialog } from "@baton/ui/Dialog";
import { ErrorMessage } from "@baton/ui/ErrorMessage";
import { createSubmission, Form, FormActions } from "@baton/ui/Form";
import { formatDate, t, viewerTimeZone } from "@baton/ui/i18n";
import { Select } from "@baton/ui/Select";
import { Title } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import { TextArea, TextField } from "@baton/ui/TextField";
import { toast } from "@baton/ui/Toast";
import type { InvoiceDetail, InvoiceLine, PaymentMethod } from "@baton/ui/types";
import { A, createAsync, revalidate, useNavigate, useParams } from "@solidjs/router";
import { createSignal, ErrorBoundary, For, Index, Show, Suspense } from "solid-js";
import { InvoiceStatusBadge } from "../../components/InvoiceStatusBadge";
import { Money } from "@baton/ui/money";
import { dateAtTime } from "../../lib/time";
import { expireOnLeave } from "../../lib/work";
import { InvoiceCredits } from "./Credits";
import { getInvoice, invoiceListKeys } from "./data";
import { hoursMinutes, invalidAmount, money, percent } from "./format";

const paymentMethods: PaymentMethod[] = ["bank_transfer", "wise", "paypal", "card", "cash", "other"];
type Action = "send" | "delete" | "void" | "payment";

/** Today's date (YYYY-MM-DD) in the viewer's zone, for a date input. */
const today = () => todayIn(viewerTimeZone());

export default function InvoiceDetailPage() {
  const params = useParams<{ id: string }>();
  const navigate = useNavigate();
  const invoice = createAsync(() => getInvoice(params.id));
  const [action, setAction] = createSignal<Action>();
  const [conflicted, setConflicted] = createSignal(false);
  const submission = createSubmission();
  const key = () => getInvoice.keyFor(params.id);
  expireOnLeave(() => key());

  const open = (next: Action) => {
    submission.clear();
    setAction(next);
  };
  /** Runs a change of the invoice; a 409 means it changed elsewhere: reload it and say so. */
  const change = (fn: (d: InvoiceDetail) => Promise<unknown>) =>
    submission.run(async () => {
      const d = invoice();
      if (!d) return;
      try {
        await fn(d);
        setConflicted(false);
      } catch (e) {
        if (!isApiError(e) || e.status !== 409) throw e;
        setConflicted(true);
        setAction(undefined);
        await revalidate(key());
      }
    });

  const send = () =>
    change(async (d) => {
      const sent = await api.invoices.send(d.id, d.version);
      setAction(undefined);
      toast(t("invoice.sent", { number: sent.number ?? "" }));
      // A sent deposit can now be taken off another invoice.
      await revalidate([key(), ...invoiceListKeys]);
    });
  const remove = () =>
    change(async (d) => {
      await api.invoices.removeDraft(d.id, d.version);
      setAction(undefined);
      toast(t("invoice.deleted"));
      void revalidate([...invoiceListKeys, ...linkedKeys(d)]);
      navigate("/invoices");
    });

  const back = (
    <A href="/invoices" class="back-link">
      ← {t("invoices.back")}
    </A>
  );

  return (
    <section class="page">
      <Boundary onRetry={() => revalidate(key())}>
        <Show when={invoice()}>
          {(d) => {
            const title = () => d().number ?? t("invoices.draftNumber");
            const payable = () => d().status === "sent" || d().status === "partially_paid";
            return (
              <>
                <Title>{`${title()} · ${d().client.name}`}</Title>
                <PageHeader
                  back={back}
                  title={title()}
                  intro={
                    <span class="header-meta" data-testid="invoice-meta">
                      <InvoiceStatusBadge status={d().status} overdue={d().overdue} />
                      <Show when={d().kind === "deposit"}>
                        <Badge tone="info">{t("invoice.kindDeposit")}</Badge>
                      </Show>
                      <span>{d().client.name}</span>
                      <span>{money(d().total, d().currency)}</span>
                    </span>
                  }
                  actions={
                    <>
                      <a href={api.invoices.printUrl(d().id)} target="_blank" rel="noopener" class={buttonClass("secondary", "sm")}>
                        {t("invoice.print")}
                      </a>
                      <Show when={d().status === "draft"}>
                        <Button class="btn-danger-text" onClick={() => open("delete")}>
                          {t("invoice.delete")}
                        </Button>
                        <Button variant="primary" onClick={() => open("send")}>
                          {t("invoice.send")}
                        </Button>
                      </Show>
                      <Show when={payable()}>
                        {/* A deposit taken off another invoice stays until that one is deleted or voided. */}
                        <Show when={d().amountPaid === 0 && !d().deductedOn}>
                          <Button class="btn-danger-text" onClick={() => open("void")}>
                            {t("invoice.void")}
                          </Button>
                        </Show>
                        <Button variant="primary" onClick={() => open("payment")}>
                          {t("invoice.recordPayment")}
                        </Button>
                      </Show>
                    </>
                  }
                />
                <Show when={conflicted()}>
                  <p class="notice notice-warning" role="alert">
                    {t("invoice.conflict")}
                  </p>
                </Show>
                <div class="stack">
                  <InvoiceCredits invoice={d()} onSettled={() => revalidate(key())} />
                  <section class="card" aria-labelledby="invoice-facts-title">
                    <h2 id="invoice-facts-title" class="sr-only">{title()}</h2>
                    <dl class="facts">
                      <div>
                        <dt>{t("invoice.billTo")}</dt>
                        <dd data-testid="invoice-bill-to">
                          <A href={`/clients/${encodeURIComponent(d().client.id)}`}>{d().client.name}</A>
                          <Show when={d().billTo.name !== d().client.name || d().billTo.address || d().billTo.taxId}>
                            <InvoiceParty party={d().billTo} />
                          </Show>
                        </dd>
                      </div>
                      <Show when={d().purchaseOrder}>
                        {(po) => (
                          <div>
                            <dt>{t("party.purchaseOrder")}</dt>
                            <dd>{po()}</dd>
                          </div>
                        )}
                      </Show>
                      <div>
                        <dt>{t("invoice.issuedAt")}</dt>
                        <dd>{d().issuedAt ? formatDate(d().issuedAt!) : <span class="muted">{t("invoice.notIssued")}</span>}</dd>
                      </div>
                      <Show when={d().dueAt}>
                        {(due) => (
                          <div>
                            <dt>{t("invoice.dueAt")}</dt>
                            <dd classList={{ "text-overdue": d().overdue }}>{formatDate(due())}</dd>
                          </div>
                        )}
                      </Show>
                      <div>
                        <dt>{t("invoice.terms")}</dt>
                        <dd>{t("invoice.termsDays", { count: d().paymentTermsDays })}</dd>
                      </div>
                      <Show when={d().paidAt}>
                        {(paid) => (
                          <div>
                            <dt>{t("invoice.paidAt")}</dt>
                            <dd>{formatDate(paid())}</dd>
                          </div>
                        )}
                      </Show>
                      <Show when={d().kind === "deposit" && d().status !== "draft" && d().status !== "void"}>
                        <div data-testid="deposit-taken-off">
                          <dt>{t("invoice.takenOff")}</dt>
                          <dd>
                            <Show when={d().deductedOn} fallback={<span class="muted">{t("invoice.notTakenOff")}</span>}>
                              {(on) => <InvoiceLink id={on()} fallback={t("invoice.finalInvoice")} />}
                            </Show>
                          </dd>
                        </div>
                      </Show>
                      <Show when={d().depositIds.length > 0}>
                        <div data-testid="deposits-taken-off">
                          <dt>{t("invoice.depositsTakenOff")}</dt>
                          <dd>
                            <Index each={d().depositIds}>
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
                    </dl>
                  </section>
                  <LinesCard invoice={d()} />
                  <Show when={d().notes}>
                    {(notes) => (
                      <section class="card" aria-labelledby="invoice-notes-title">
                        <h2 id="invoice-notes-title">{t("invoice.notesTitle")}</h2>
                        <p class="prewrap">{notes()}</p>
                      </section>
                    )}
                  </Show>
                  <Show when={d().status !== "draft"}>
                    <PaymentsCard invoice={d()} />
                  </Show>
                </div>

                <ConfirmDialog
                  open={action() === "send"}
                  title={t("invoice.sendTitle")}
                  message={t("invoice.sendBody", { name: d().client.name })}
                  confirmLabel={t("invoice.send")}
                  pending={submission.pending()}
                  error={<ErrorMessage error={submission.error()} />}
                  onConfirm={() => void send()}
                  onClose={() => setAction(undefined)}
                />
                <ConfirmDialog
                  open={action() === "delete"}
                  title={t("invoice.deleteTitle")}
                  message={t("invoice.deleteBody")}
                  confirmLabel={t("invoice.delete")}
                  danger
                  pending={submission.pending()}
                  error={<ErrorMessage error={submission.error()} />}
                  onConfirm={() => void remove()}
                  onClose={() => setAction(undefined)}
                />
                <VoidDialog open={action() === "void"} invoice={d()} change={change} onClose={() => setAction(undefined)} submission={submission} />
                <PaymentDialog open={action() === "payment"} invoice={d()} change={change} onClose={() => setAction(undefined)} submission={submission} />
              </>
            );
          }}
        </Show>
      </Boundary>
    </section>
  );
}

/** The cached pages of the invoices this one takes off, or is taken off: they change with it. */
const linkedKeys = (d: InvoiceDetail) => [...d.depositIds, ...(d.deductedOn ? [d.deductedOn] : [])].map((id) => getInvoice.keyFor(id));

/** A link to another invoice, by its number once read (a draft has none); `fallback` names it until then. */
function InvoiceLink(props: { id: string; fallback: string }) {
  const href = () => `/invoices/${encodeURIComponent(props.id)}`;
  const plain = () => <A href={href()}>{props.fallback}</A>;
  const Numbered = () => {
    const other = createAsync(() => getInvoice(props.id));
    return (
      <A href={href()} data-testid="linked-invoice">
        {other() ? (other()!.number ?? t("invoice.draftInvoice")) : props.fallback}
      </A>
    );
  };
  return (
    <ErrorBoundary fallback={() => plain()}>
      <Suspense fallback={plain()}>
        <Numbered />
      </Suspense>
    </ErrorBoundary>
  );
}

type Change = (fn: (d: InvoiceDetail) => Promise<unknown>) => Promise<boolean>;
type DialogProps = { open: boolean; invoice: InvoiceDetail; change: Change; onClose: () => void; submission: ReturnType<typeof createSubmission> };

function LinesCard(props: { invoice: InvoiceDetail }) {
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
          <div class="invoice-total" data-testid="invoice-balance">
            <dt>{t("invoice.balance")}</dt>
            <dd>{m(props.invoice.balance)}</dd>
          </div>
        </Show>
      </dl>
    </section>
  );
}

function PaymentsCard(props: { invoice: InvoiceDetail }) {
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

function VoidDialog(props: DialogProps) {
  const [reason, setReason] = createSignal("");
  const submit = () =>
    props.change(async (d) => {
      const voided = await api.invoices.void(d.id, d.version, reason().trim() || undefined);
      props.onClose();
      toast(t("invoice.voided", { number: voided.number ?? "" }));
      await revalidate([getInvoice.keyFor(d.id), ...invoiceListKeys, ...linkedKeys(d)]);
    });
  return (
    <Dialog open={props.open} title={t("invoice.voidTitle")} description={t("invoice.voidBody")} onClose={props.onClose}>
      <Form submission={props.submission} onSubmit={() => void submit()} aria-label={t("invoice.voidTitle")}>
        <TextArea label={t("invoice.voidReason")} name="reason" rows={2} value={reason()} onValue={setReason} error={props.submission.fieldError("reason")} />
        <FormActions>
          <Button onClick={() => props.onClose()}>{t("common.cancel")}</Button>
          <Button type="submit" variant="danger" pending={props.submission.pending()}>
            {t("invoice.void")}
          </Button>
        </FormActions>
      </Form>
    </Dialog>
  );
}

function PaymentDialog(props: DialogProps) {
  return (
    <Dialog open={props.open} title={t("invoice.recordPayment")} onClose={props.onClose}>
      <PaymentForm {...props} />
    </Dialog>
  );
}

/** Rendered only while the dialog is open, so the amount starts at the current balance each time. */
function PaymentForm(props: DialogProps) {
  const currency = props.invoice.currency;
  const [amount, setAmount] = createSignal(Money.toMajorString(props.invoice.balance, currency));
  const [method, setMethod] = createSignal<PaymentMethod>("bank_transfer");
  const [reference, setReference] = createSignal("");
  const [date, setDate] = createSignal(today());
  const submit = () =>
    props.change(async (d) => {
      const minor = Money.parseMajor(amount(), currency);
      if (!minor) throw new ApiError(400, "validation_failed", "", { amount: invalidAmount(currency) });
      // Today means now; an earlier day is recorded at noon of that day in the viewer's zone.
      const receivedAt = date() && date() !== today() ? dateAtTime(date(), "12:00", viewerTimeZone()) : null;
      const saved = await api.invoices.recordPayment(d.id, {
        amount: minor,
        method: method(),
        ...(reference().trim() ? { reference: reference().trim() } : {}),
        ...(receivedAt ? { receivedAt } : {}),
      });
      props.onClose();
      toast(t("invoice.paymentRecorded", { amount: money(minor, currency) }));
      await revalidate([getInvoice.keyFor(saved.id), ...invoiceListKeys]);
    });
  return (
    <Form submission={props.submission} onSubmit={() => void submit()} aria-label={t("invoice.recordPayment")} data-testid="payment-form">
      <div class="field-row">
        <TextField
          label={t("invoice.paymentAmount", { currency })}
          name="amount"
          inputmode="decimal"
          required
          value={amount()}
          onValue={setAmount}
          error={props.submission.fieldError("amount")}
        />
        <Select
          label={t("invoice.method")}
          name="method"
          options={paymentMethods.map((value) => ({ value, label: t(`paymentMethod.${value}`) }))}
          value={method()}
          onValue={(value) => setMethod(value as PaymentMethod)}
          error={props.submission.fieldError("method")}
        />
      </div>
      <div class="field-row">
        <TextField label={t("invoice.reference")} name="reference" value={reference()} onValue={setReference} error={props.submission.fieldError("reference")} />
        <TextField type="date" label={t("invoice.paymentDate")} name="receivedAt" max={today()} value={date()} onValue={setDate} error={props.submission.fieldError("receivedAt")} />
      </div>
      <FormActions>
        <Button onClick={() => props.onClose()}>{t("common.cancel")}</Button>
        <Button type="submit" variant="primary" pending={props.submission.pending()}>
          {t("invoice.recordPayment")}
        </Button>
      </FormActions>
    </Form>
  );
}
