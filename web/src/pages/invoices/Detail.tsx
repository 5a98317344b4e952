import { Boundary } from "@baton/ui/Boundary";
import { ConfirmDialog } from "@baton/ui/Dialog";
import { ErrorMessage } from "@baton/ui/ErrorMessage";
import { t } from "@baton/ui/i18n";
import { Title } from "@baton/ui/session";
import type { InvoiceDetail } from "@baton/ui/types";
import { createAsync, revalidate, useParams } from "@solidjs/router";
import { Show } from "solid-js";
import { expireOnLeave } from "../../lib/work";
import { InvoiceCredits } from "./Credits";
import { getInvoice } from "./data";
import { invoiceActions, type InvoiceActions } from "./detail/actions";
import { LinesCard, PaymentsCard } from "./detail/Cards";
import { PaymentDialog, VoidDialog } from "./detail/Dialogs";
import { CreditNoteDialog, CreditNotesCard } from "./detail/CreditNotes";
import { EditDraftDialog } from "./detail/EditDraft";
import { RefundDialog, RefundsCard } from "./detail/Refunds";
import { FactsCard } from "./detail/Facts";
import { InvoiceHeader } from "./detail/Header";
import { SendDialog, SetRateDialog } from "./detail/Rate";

/** One invoice: its facts, lines and payments, and the actions its status allows. */
export default function InvoiceDetailPage() {
  const params = useParams<{ id: string }>();
  const invoice = createAsync(() => getInvoice(params.id));
  const key = () => getInvoice.keyFor(params.id);
  expireOnLeave(() => key());
  const actions = invoiceActions(invoice, key);
  return (
    <section class="page">
      <Boundary onRetry={() => revalidate(key())}>
        <Show when={invoice()}>
          {(d) => {
            const title = () => d().number ?? t("invoices.draftNumber");
            return (
              <>
                <Title>{`${title()} · ${d().client.name}`}</Title>
                <InvoiceHeader invoice={d()} title={title()} open={actions.open} />
                <Show when={actions.conflicted()}>
                  <p class="notice notice-warning" role="alert">
                    {t("invoice.conflict")}
                  </p>
                </Show>
                <div class="stack">
                  <InvoiceCredits invoice={d()} onSettled={() => revalidate(key())} />
                  <FactsCard invoice={d()} title={title()} />
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
                  <Show when={d().creditNotes.length}>
                    <CreditNotesCard invoice={d()} />
                  </Show>
                  <Show when={d().refunds.length}>
                    <RefundsCard invoice={d()} />
                  </Show>
                </div>
                <ActionDialogs invoice={d()} actions={actions} />
              </>
            );
          }}
        </Show>
      </Boundary>
    </section>
  );
}

/** The dialog of the action chosen in the header, if any. */
function ActionDialogs(props: { invoice: InvoiceDetail; actions: InvoiceActions }) {
  const a = props.actions;
  const error = () => <ErrorMessage error={a.submission.error()} />;
  return (
    <>
      <SendDialog open={a.action() === "send"} invoice={props.invoice} change={a.change} onClose={a.close} submission={a.submission} onSend={a.send} />
      <SetRateDialog open={a.action() === "rate"} invoice={props.invoice} change={a.change} onClose={a.close} submission={a.submission} />
      <ConfirmDialog
        open={a.action() === "delete"}
        title={t("invoice.deleteTitle")}
        message={t("invoice.deleteBody")}
        confirmLabel={t("invoice.delete")}
        danger
        pending={a.submission.pending()}
        error={error()}
        onConfirm={() => void a.remove()}
        onClose={a.close}
      />
      <VoidDialog open={a.action() === "void"} invoice={props.invoice} change={a.change} onClose={a.close} submission={a.submission} />
      <EditDraftDialog open={a.action() === "edit"} invoice={props.invoice} change={a.change} onClose={a.close} submission={a.submission} />
      <CreditNoteDialog open={a.action() === "creditNote"} invoice={props.invoice} change={a.change} onClose={a.close} submission={a.submission} />
      <RefundDialog open={a.action() === "refund"} invoice={props.invoice} change={a.change} onClose={a.close} submission={a.submission} />
      <PaymentDialog open={a.action() === "payment"} invoice={props.invoice} change={a.change} onClose={a.close} submission={a.submission} />
    </>
  );
}
