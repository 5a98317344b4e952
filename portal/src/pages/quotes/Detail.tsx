import { api, isApiError } from "@baton/ui/api";
import { Boundary } from "@baton/ui/Boundary";
import { Button } from "@baton/ui/Button";
import { ConfirmDialog, Dialog } from "@baton/ui/Dialog";
import { createSubmission, Form, FormActions } from "@baton/ui/Form";
import { formatDate, formatDateTime, t } from "@baton/ui/i18n";
import { Markdown } from "@baton/ui/Markdown";
import { formatMoney } from "@baton/ui/money";
import { Title, useSession } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import { TextArea, TextField } from "@baton/ui/TextField";
import { toast } from "@baton/ui/Toast";
import type { Quote } from "@baton/ui/types";
import { A, createAsync, revalidate, useParams } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { getQuote, getQuotes } from "./data";
import { QuoteStatusBadge } from "@baton/ui/StatusBadge";

// One quote as the client reads it (also the email link's page): the text to accept, then
// accept by typed name or decline with a reason. A quote changed, answered or expired since it
// was read answers 409: the page loads it again and says why.

export default function QuoteDetail() {
  const params = useParams<{ id: string }>();
  const quote = createAsync(() => getQuote(params.id));
  const [notice, setNotice] = createSignal<string | null>(null);
  const refresh = () => revalidate([getQuote.keyFor(params.id), getQuotes.key, "portal.invoices"]);
  return (
    <section class="page">
      <div class="page-back">
        <A href="/quotes" class="back-link">
          ← {t("quotes.back")}
        </A>
      </div>
      <Boundary onRetry={() => revalidate(getQuote.keyFor(params.id))}>
        <Show when={quote()}>
          {(q) => (
            <>
              <Title>{t("quotes.heading", { number: q().number ?? "" })}</Title>
              <PageHeader
                title={t("quotes.heading", { number: q().number ?? "" })}
                intro={
                  <span class="header-meta" data-testid="quote-meta">
                    <QuoteStatusBadge status={q().status} />
                    <span>{t("quotes.validUntil", { date: formatDate(`${q().validUntil}T12:00:00Z`, "UTC") })}</span>
                  </span>
                }
              />
              <Show when={notice()}>
                <div class="notice notice-warning" role="alert" data-testid="quote-notice">
                  {notice()}
                </div>
              </Show>
              <div class="card">
                <div class="onboarding-document" role="region" tabindex="0" aria-label={t("quotes.text")} data-testid="quote-text">
                  <div lang={q().acceptance?.locale ?? undefined}>
                    <Markdown source={q().text} />
                  </div>
                </div>
              </div>
              <Answer quote={q()} refresh={refresh} onConflict={setNotice} />
            </>
          )}
        </Show>
      </Boundary>
    </section>
  );
}

function Answer(props: { quote: Quote; refresh: () => Promise<unknown>; onConflict: (message: string | null) => void }) {
  const { me } = useSession();
  const [fullName, setFullName] = createSignal("");
  const [confirming, setConfirming] = createSignal(false);
  const [declining, setDeclining] = createSignal(false);
  const [reason, setReason] = createSignal("");
  const submission = createSubmission();
  const declineSubmission = createSubmission();
  /** A 409 (changed, answered or expired meanwhile): show the quote as it is now, and why. */
  const answered = async (call: () => Promise<unknown>) => {
    try {
      await call();
      props.onConflict(null);
    } catch (error) {
      if (isApiError(error) && error.status === 409) {
        props.onConflict(error.message);
        await props.refresh();
        return;
      }
      throw error;
    }
    await props.refresh();
  };
  const accept = () =>
    submission.run(() =>
      answered(async () => {
        await api.quotes.accept(props.quote.id, { version: props.quote.version, fullName: fullName().trim(), sha256: props.quote.sha256 });
        toast(t("quotes.accepted"));
      }),
    );
  const decline = () =>
    declineSubmission.run(() =>
      answered(async () => {
        await api.quotes.decline(props.quote.id, { version: props.quote.version, reason: reason().trim() });
        setDeclining(false);
        toast(t("quotes.declinedToast"));
      }),
    );
  return (
    <Show
      when={props.quote.can.includes("accept")}
      fallback={
        <div class="card" data-testid="quote-outcome">
          <Show when={props.quote.status === "accepted" && props.quote.acceptance}>
            {(acceptance) => (
              <>
                <p data-testid="quote-accepted">{t("quotes.acceptedAs", { name: acceptance().fullName, date: props.quote.answeredAt ? formatDateTime(props.quote.answeredAt, me().timeZone) : "" })}</p>
                <p>
                  <a href={api.quotes.pdfUrl(props.quote.id)} download="" class="btn btn-secondary" data-testid="quote-pdf">
                    {t("quotes.downloadPdf")}
                  </a>
                </p>
                <Show when={props.quote.depositInvoiceId}>
                  {(invoiceId) => (
                    <p>
                      <A href={`/invoices/${encodeURIComponent(invoiceId())}`} data-testid="deposit-invoice-link">
                        {t("quotes.depositInvoice")}
                      </A>
                    </p>
                  )}
                </Show>
              </>
            )}
          </Show>
          <Show when={props.quote.status === "declined"}>
            <p>{t("quotes.declinedBecause", { reason: props.quote.declineReason ?? "" })}</p>
          </Show>
          <Show when={props.quote.status === "expired"}>
            <p>{t("quotes.expiredNote", { agency: me().agency.name })}</p>
          </Show>
        </div>
      }
    >
      <div class="card">
        <h2>{t("quotes.acceptTitle")}</h2>
        <Show when={props.quote.depositAmount > 0}>
          <p class="muted small">{t("quotes.depositNote", { amount: formatMoney(props.quote.depositAmount, props.quote.currency) })}</p>
        </Show>
        <Form submission={submission} onSubmit={() => setConfirming(true)} aria-label={t("quotes.acceptTitle")} data-testid="quote-accept-form">
          <TextField
            label={t("onboarding.portal.fullName")}
            name="fullName"
            required
            autocomplete="off"
            maxlength={200}
            hint={t("onboarding.portal.signHint", { name: me().name })}
            value={fullName()}
            onValue={setFullName}
            error={submission.fieldError("fullName")}
          />
          <p class="muted small">{t("quotes.evidenceNote")}</p>
          <FormActions>
            <Button type="submit" variant="primary" pending={submission.pending()}>
              {t("quotes.accept")}
            </Button>
            <Button onClick={() => setDeclining(true)} data-testid="quote-decline">
              {t("quotes.decline")}
            </Button>
          </FormActions>
        </Form>
      </div>
      <ConfirmDialog
        open={confirming()}
        title={t("quotes.confirmTitle")}
        message={t("quotes.confirmBody", { name: fullName().trim(), number: props.quote.number ?? "", agency: me().agency.name })}
        confirmLabel={t("quotes.confirmAccept")}
        onConfirm={() => {
          setConfirming(false);
          void accept();
        }}
        onClose={() => setConfirming(false)}
      />
      <Dialog open={declining()} title={t("quotes.declineTitle")} onClose={() => setDeclining(false)}>
        <Form submission={declineSubmission} onSubmit={decline} aria-label={t("quotes.declineTitle")} data-testid="quote-decline-form">
          <TextArea label={t("quotes.reason")} name="reason" required maxlength={2000} value={reason()} onValue={setReason} error={declineSubmission.fieldError("reason")} />
          <FormActions>
            <Button onClick={() => setDeclining(false)}>{t("common.cancel")}</Button>
            <Button type="submit" variant="danger" pending={declineSubmission.pending()}>
              {t("quotes.decline")}
            </Button>
          </FormActions>
        </Form>
      </Dialog>
    </Show>
  );
}
