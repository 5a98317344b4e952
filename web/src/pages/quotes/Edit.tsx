import { api } from "@baton/ui/api";
import { Boundary } from "@baton/ui/Boundary";
import { buttonClass } from "@baton/ui/Button";
import { createSubmission } from "@baton/ui/Form";
import { t } from "@baton/ui/i18n";
import { Title } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import { toast } from "@baton/ui/Toast";
import type { Quote } from "@baton/ui/types";
import { A, createAsync, revalidate, useNavigate, useParams } from "@solidjs/router";
import { Show } from "solid-js";
import { createStore } from "solid-js/store";
import { getPackages } from "../packages/data";
import { getQuote, quoteKeys } from "./data";
import { fieldsOf, QuoteForm, valuesOf } from "./QuoteForm";

/**
 * Editing a quote the client has not answered, from the version read: its lines (catalog lines
 * priced again now), validity, deposit and terms. An answered quote can't be edited: the page
 * says so, and the API answers a stale or answered edit 409 with the quote as it is.
 */
export default function EditQuote() {
  const params = useParams<{ id: string }>();
  const quote = createAsync(() => getQuote(params.id));
  const packages = createAsync(() => getPackages("active"));
  return (
    <section class="page">
      <Boundary onRetry={() => revalidate([getQuote.keyFor(params.id), "packages."])}>
        <Show when={quote() && packages()}>
          <EditForm quote={quote()!} packages={packages()!.items} />
        </Show>
      </Boundary>
    </section>
  );
}

function EditForm(props: { quote: Quote; packages: { id: string; name: string }[] }) {
  const navigate = useNavigate();
  // The form holds the quote as first read: a revalidation mustn't wipe what is being typed.
  const read = props.quote;
  const [values, setValues] = createStore(valuesOf(read));
  const submission = createSubmission();
  const href = `/quotes/${encodeURIComponent(read.id)}`;
  const heading = read.number ? t("quotes.editHeading", { number: read.number }) : t("quotes.editDraft");
  const submit = () =>
    submission.run(async () => {
      await api.quotes.edit(read.id, { version: read.version, ...fieldsOf(values, read.currency) });
      // The quote page shows the edit before the toast says it is saved.
      await revalidate(quoteKeys);
      toast(t("quotes.edited"));
      navigate(href);
    });
  const back = (
    <A href={href} class="back-link">
      ← {t("quotes.backToQuote")}
    </A>
  );
  return (
    <>
      <Title>{heading}</Title>
      <PageHeader back={back} title={heading} />
      <Show
        when={read.can.includes("edit")}
        fallback={
          <div class="notice notice-warning" role="status" data-testid="quote-not-editable">
            {t("quotes.notEditable")}
          </div>
        }
      >
        <Show when={read.status !== "draft"}>
          <p class="notice" data-testid="quote-edit-sent-note">
            {t("quotes.editSentNote")}
          </p>
        </Show>
        <QuoteForm
          values={values}
          setValues={setValues}
          submission={submission}
          onSubmit={submit}
          label={heading}
          currency={read.currency}
          packages={props.packages}
          client={
            <p class="muted" data-testid="quote-edit-client">
              {t("quotes.forClient", { client: read.clientName })}
            </p>
          }
          submitLabel={t("quotes.saveEdit")}
          testId="quote-edit-form"
          submitTestId="quote-save"
          cancel={
            <A href={href} class={buttonClass("ghost")}>
              {t("common.cancel")}
            </A>
          }
        />
      </Show>
    </>
  );
}
