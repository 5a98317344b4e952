import { api } from "@baton/ui/api";
import { Boundary } from "@baton/ui/Boundary";
import { createSubmission } from "@baton/ui/Form";
import { t } from "@baton/ui/i18n";
import { Title } from "@baton/ui/session";
import { Select } from "@baton/ui/Select";
import { PageHeader } from "@baton/ui/Shell";
import { toast } from "@baton/ui/Toast";
import { addDays, todayIn } from "@baton/kernel";
import { A, createAsync, revalidate, useNavigate, useSearchParams } from "@solidjs/router";
import { createEffect, on, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { getAllClients } from "../clients/data";
import { getPackages } from "../packages/data";
import { quoteKeys } from "./data";
import { blankLine, fieldsOf, QuoteForm, type QuoteValues } from "./QuoteForm";

/** A new quote: for a request (?request=, its client's) or blank for a client; lines from the catalog or custom. */
export default function NewQuote() {
  const [params] = useSearchParams<{ request?: string; client?: string }>();
  const navigate = useNavigate();
  const clients = createAsync(() => getAllClients());
  const packages = createAsync(() => getPackages("active"));
  const request = createAsync(async () => (params.request ? api.requests.get(params.request) : undefined));
  const [values, setValues] = createStore<QuoteValues>({
    clientId: params.client ?? "",
    title: "",
    validUntil: "",
    terms: "",
    deposit: "",
    lines: [blankLine()],
  });
  const client = () => clients()?.find((c) => c.id === values.clientId);
  // From a request: its client and title.
  createEffect(on(request, (r) => r && setValues({ clientId: r.request.clientId, title: r.request.title })));
  // Another client: their deposit terms, and two weeks of validity in their calendar.
  createEffect(
    on(client, (c) => {
      if (!c) return;
      setValues({ deposit: c.billing.depositRate ? String(c.billing.depositRate / 100) : "0" });
      if (!values.validUntil) setValues("validUntil", addDays(todayIn(c.timeZone), 14));
    }),
  );
  const submission = createSubmission();
  const submit = () =>
    submission.run(async () => {
      const created = await api.quotes.create({
        ...(params.request ? { requestId: params.request } : { clientId: values.clientId }),
        ...fieldsOf(values, client()?.currency ?? "USD"),
      });
      toast(t("quotes.created"));
      void revalidate(quoteKeys);
      navigate(`/quotes/${encodeURIComponent(created.id)}`);
    });
  const back = (
    <A href="/quotes" class="back-link">
      ← {t("quotes.back")}
    </A>
  );
  // Made where the form shows it (inside its boundary), not here: it reads the request as it loads.
  const pickClient = () => (
    <Show
      when={!params.request}
      fallback={
        <p class="muted" data-testid="quote-request">
          {t("quotes.forRequest", { reference: request()?.request.reference ?? "", client: request()?.client.name ?? "" })}
        </p>
      }
    >
      <Select
        label={t("quotes.field.client")}
        name="clientId"
        required
        value={values.clientId}
        onValue={(v) => setValues("clientId", v)}
        options={[{ value: "", label: t("quotes.chooseClient") }, ...(clients() ?? []).map((c) => ({ value: c.id, label: c.name }))]}
        error={submission.fieldError("clientId")}
      />
    </Show>
  );
  return (
    <section class="page">
      <Title>{t("quotes.new")}</Title>
      <PageHeader back={back} title={t("quotes.new")} />
      <Boundary onRetry={() => revalidate(["clients.all", "packages."])}>
        <Show when={clients() && packages()}>
          <QuoteForm
            values={values}
            setValues={setValues}
            submission={submission}
            onSubmit={submit}
            label={t("quotes.new")}
            currency={client()?.currency ?? ""}
            packages={packages()?.items ?? []}
            client={pickClient()}
            submitLabel={t("quotes.create")}
            testId="quote-form"
            submitTestId="quote-create"
          />
        </Show>
      </Boundary>
    </section>
  );
}
