import { api } from "@baton/ui/api";
import { Boundary } from "@baton/ui/Boundary";
import { Button, buttonClass } from "@baton/ui/Button";
import { createSubmission, Form, FormActions } from "@baton/ui/Form";
import { formatDate, formatDateTime, t } from "@baton/ui/i18n";
import { Markdown } from "@baton/ui/Markdown";
import { Title, useSession } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import { toast } from "@baton/ui/Toast";
import { A, createAsync, revalidate, useParams } from "@solidjs/router";
import { Show } from "solid-js";
import { QuoteStatusBadge } from "@baton/ui/StatusBadge";
import { getQuote, quoteKeys } from "./data";

/** One quote as the owner reads it: the text the client accepts, sending a draft, the client's answer. */
export default function QuoteDetail() {
  const params = useParams<{ id: string }>();
  const { me } = useSession();
  const quote = createAsync(() => getQuote(params.id));
  const submission = createSubmission();
  const back = (
    <A href="/quotes" class="back-link">
      ← {t("quotes.back")}
    </A>
  );
  const send = () =>
    submission.run(async () => {
      const q = quote()!;
      await api.quotes.send(q.id, q.version);
      toast(t("quotes.sent"));
      await revalidate(quoteKeys);
    });
  return (
    <section class="page">
      <Boundary onRetry={() => revalidate(getQuote.keyFor(params.id))}>
        <Show when={quote()}>
          {(q) => (
            <>
              <Title>{q().number ? t("quotes.heading", { number: q().number! }) : t("quotes.draftHeading")}</Title>
              <PageHeader
                back={back}
                title={q().number ? t("quotes.heading", { number: q().number! }) : t("quotes.draftHeading")}
                actions={
                  <Show when={q().can.includes("edit")}>
                    <A href={`/quotes/${encodeURIComponent(q().id)}/edit`} class={buttonClass("secondary")} data-testid="quote-edit">
                      {t("quotes.edit")}
                    </A>
                  </Show>
                }
                intro={
                  <span class="header-meta" data-testid="quote-meta">
                    <QuoteStatusBadge status={q().status} />
                    <span>{q().clientName}</span>
                    <span>{t("quotes.validUntil", { date: formatDate(`${q().validUntil}T12:00:00Z`, "UTC") })}</span>
                  </span>
                }
              />
              <Show when={q().can.includes("send")}>
                <Form submission={submission} onSubmit={send} aria-label={t("quotes.send")} data-testid="quote-send-form">
                  <p class="muted small">{t("quotes.sendNote")}</p>
                  <FormActions>
                    <Button type="submit" variant="primary" pending={submission.pending()} data-testid="quote-send">
                      {t("quotes.send")}
                    </Button>
                  </FormActions>
                </Form>
              </Show>
              <Show when={q().status === "accepted" && q().acceptance}>
                {(acceptance) => (
                  <div class="notice" data-testid="quote-accepted">
                    <p>{t("quotes.acceptedAs", { name: acceptance().fullName, date: q().answeredAt ? formatDateTime(q().answeredAt!, me().timeZone) : "" })}</p>
                    <p class="muted small">{t("quotes.evidence", { ip: acceptance().ip ?? "—", sha256: acceptance().sha256 })}</p>
                    <p>
                      <a href={api.quotes.pdfUrl(q().id)} download="" class={buttonClass("secondary", "sm")} data-testid="quote-pdf">
                        {t("quotes.downloadPdf")}
                      </a>
                    </p>
                    <Show when={q().depositInvoiceId}>
                      {(id) => <A href={`/invoices/${encodeURIComponent(id())}`}>{t("quotes.depositInvoice")}</A>}
                    </Show>
                    <Show when={q().requestId}>
                      {(id) => (
                        <>
                          {" · "}
                          <A href={`/requests/${encodeURIComponent(id())}`}>{t("quotes.request")}</A>
                        </>
                      )}
                    </Show>
                  </div>
                )}
              </Show>
              <Show when={q().status === "declined"}>
                <div class="notice notice-warning">{t("quotes.declinedBecause", { reason: q().declineReason ?? "" })}</div>
              </Show>
              <div class="card">
                <div class="onboarding-document" role="region" tabindex="0" aria-label={t("quotes.text")} data-testid="quote-text">
                  <Markdown source={q().text} />
                </div>
              </div>
            </>
          )}
        </Show>
      </Boundary>
    </section>
  );
}
