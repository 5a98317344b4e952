import { api } from "@baton/ui/api";
import { Button } from "@baton/ui/Button";
import { Dialog } from "@baton/ui/Dialog";
import { createSubmission, Form, FormActions } from "@baton/ui/Form";
import { formatDate, t } from "@baton/ui/i18n";
import { Select } from "@baton/ui/Select";
import { TextField } from "@baton/ui/TextField";
import { toast } from "@baton/ui/Toast";
import type { Invoice, InvoiceDetail, Payment } from "@baton/ui/types";
import { A } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import { money } from "./format";

type Settling = { payment: Payment; how: "apply" | "refund" };

/**
 * Card money received after the invoice was voided (its checkout was already open): a credit the
 * owner refunds or applies to another unpaid invoice of the client. Shown on the void invoice.
 */
export function InvoiceCredits(props: { invoice: InvoiceDetail; onSettled: () => Promise<unknown> }) {
  const credits = () => props.invoice.payments.filter((payment) => payment.credit);
  const [settling, setSettling] = createSignal<Settling>();
  return (
    <Show when={credits().length > 0}>
      <section class="card stack" aria-labelledby="invoice-credits-title" data-testid="invoice-credits">
        <h2 id="invoice-credits-title">{t("credit.title")}</h2>
        <For each={credits()}>
          {(payment) => (
            <div class="credit-row">
              <Show
                when={payment.credit?.status === "open"}
                fallback={
                  <p class="muted">
                    {money(payment.amount, payment.currency)} ·{" "}
                    <Show when={payment.credit?.status === "applied" && payment.credit.appliedTo} fallback={t("credit.status.refunded")}>
                      {(to) => <A href={`/invoices/${encodeURIComponent(to())}`}>{t("credit.status.applied")}</A>}
                    </Show>
                    {payment.credit?.settledAt ? ` · ${formatDate(payment.credit.settledAt)}` : ""}
                  </p>
                }
              >
                <p class="notice notice-warning" role="status">
                  {t("credit.voidBody", { amount: money(payment.amount, payment.currency) })}
                </p>
                <div class="page-actions">
                  <Button variant="primary" size="sm" onClick={() => setSettling({ payment, how: "apply" })}>
                    {t("credit.applyTo")}
                  </Button>
                  <Button size="sm" onClick={() => setSettling({ payment, how: "refund" })}>
                    {t("credit.markRefunded")}
                  </Button>
                </div>
              </Show>
            </div>
          )}
        </For>
        <Dialog open={!!settling()} title={settling()?.how === "refund" ? t("credit.markRefunded") : t("credit.applyTo")} onClose={() => setSettling(undefined)}>
          <Show when={settling()}>
            {(current) => (
              <SettleForm
                invoice={props.invoice}
                settling={current()}
                onDone={async () => {
                  setSettling(undefined);
                  await props.onSettled();
                }}
                onCancel={() => setSettling(undefined)}
              />
            )}
          </Show>
        </Dialog>
      </section>
    </Show>
  );
}

function SettleForm(props: { invoice: InvoiceDetail; settling: Settling; onDone: () => Promise<void>; onCancel: () => void }) {
  const submission = createSubmission();
  const [target, setTarget] = createSignal("");
  const [reference, setReference] = createSignal("");
  // The client's invoices that could take the whole credit: sent, unpaid, same currency, owing enough.
  const [targets] = createResource(
    () => (props.settling.how === "apply" ? props.invoice.client.id : undefined),
    async (clientId) => {
      const page = await api.invoices.list({ clientId, limit: 100 });
      return page.items.filter(
        (invoice: Invoice) =>
          invoice.id !== props.invoice.id &&
          (invoice.status === "sent" || invoice.status === "partially_paid") &&
          invoice.currency === props.settling.payment.currency &&
          invoice.balance >= props.settling.payment.amount,
      );
    },
  );
  const submit = () =>
    submission.run(async () => {
      const { payment, how } = props.settling;
      if (how === "apply") {
        await api.invoices.applyCredit(props.invoice.id, payment.id, target());
        const chosen = targets()?.find((invoice) => invoice.id === target());
        toast(t("credit.applied", { number: chosen?.number ?? "" }));
      } else {
        await api.invoices.refundCredit(props.invoice.id, payment.id, reference().trim() || undefined);
        toast(t("credit.markedRefunded"));
      }
      await props.onDone();
    });
  return (
    <Form submission={submission} onSubmit={submit} aria-label={props.settling.how === "refund" ? t("credit.markRefunded") : t("credit.applyTo")}>
      <Show
        when={props.settling.how === "apply"}
        fallback={
          <TextField
            label={t("credit.refundReference")}
            name="reference"
            hint={t("credit.refundReferenceHint")}
            value={reference()}
            onValue={setReference}
            error={submission.fieldError("reference")}
          />
        }
      >
        <Show when={!targets.loading} fallback={<p class="muted">{t("common.loading")}</p>}>
          <Show when={(targets() ?? []).length > 0} fallback={<p class="notice">{t("credit.noTarget", { currency: props.settling.payment.currency })}</p>}>
            <Select
              label={t("credit.applyTo")}
              name="invoiceId"
              required
              value={target()}
              onValue={setTarget}
              error={submission.fieldError("invoiceId")}
              options={[
                { value: "", label: "—" },
                ...(targets() ?? []).map((invoice) => ({ value: invoice.id, label: `${invoice.number ?? ""} · ${money(invoice.balance, invoice.currency)}` })),
              ]}
            />
          </Show>
        </Show>
      </Show>
      <FormActions>
        <Button onClick={() => props.onCancel()}>{t("common.cancel")}</Button>
        <Button type="submit" variant="primary" pending={submission.pending()} disabled={props.settling.how === "apply" && !target()}>
          {props.settling.how === "refund" ? t("credit.markRefunded") : t("credit.apply")}
        </Button>
      </FormActions>
    </Form>
  );
}
