import { api } from "@baton/ui/api";
import { Boundary } from "@baton/ui/Boundary";
import { createSubmission, Form, type Submission } from "@baton/ui/Form";
import { t } from "@baton/ui/i18n";
import { Title } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import { toast } from "@baton/ui/Toast";
import type { Client } from "@baton/ui/types";
import { A, createAsync, revalidate, useNavigate, useSearchParams } from "@solidjs/router";
import { createEffect, on, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { getAllClients } from "../clients/data";
import { getPackages, packageKeys } from "../packages/data";
import { getInvoice, invoiceListKeys, parseClientId } from "./data";
import { ClientCard, DeductCard, LinesCard, NotesCard, PreviewCard } from "./new/Cards";
import { DepositCard } from "./new/DepositFields";
import { blankValues, invalid, termsOf, toInput, type Draft, type Values } from "./new/form";

/** Creating the draft: checked here first, then by the API; on success, to the new invoice. */
function createDraft(values: Values, client: () => Client | undefined, submission: Submission) {
  const navigate = useNavigate();
  return () =>
    submission.run(async () => {
      const c = client();
      if (!c) throw invalid({ clientId: t("invoiceNew.chooseClient") });
      const created = await api.invoices.create(toInput(values, c.currency));
      toast(t("invoiceNew.created"));
      // The deposits taken off now name this invoice.
      void revalidate([...invoiceListKeys, ...values.deductDeposits.map((id) => getInvoice.keyFor(id))]);
      navigate(`/invoices/${encodeURIComponent(created.id)}`);
    });
}

/** A new invoice: the client and their time, lines, a deposit, deposits to take off, a preview. */
export default function NewInvoice() {
  const [params] = useSearchParams<{ client?: string }>();
  const clients = createAsync(() => getAllClients());
  const packages = createAsync(() => getPackages("active"));
  const [values, setValues] = createStore<Values>(blankValues(parseClientId(params.client)));
  const client = () => clients()?.find((c) => c.id === values.clientId);
  const submission = createSubmission();
  // Another client: their deposit terms, and none of the previous one's deposits.
  createEffect(on(() => client()?.id, () => setValues({ depositPercent: termsOf(client()), deductDeposits: [] })));
  const submit = createDraft(values, client, submission);
  const draft: Draft = {
    values,
    set: setValues,
    submission,
    get client() {
      return client();
    },
    get currency() {
      return client()?.currency ?? "USD";
    },
    get packages() {
      return packages()?.items ?? [];
    },
  };
  const back = (
    <A href="/invoices" class="back-link">
      ← {t("invoices.back")}
    </A>
  );
  return (
    <section class="page">
      <Title>{t("invoiceNew.title")}</Title>
      <PageHeader back={back} title={t("invoiceNew.title")} />
      <Boundary onRetry={() => revalidate(["clients.all", packageKeys])}>
        <Show when={clients() && packages()}>
          <Form submission={submission} onSubmit={submit} aria-label={t("invoiceNew.title")} data-testid="invoice-form" class="invoice-form">
            <ClientCard draft={draft} clients={clients() ?? []} />
            <LinesCard draft={draft} />
            <DepositCard draft={draft} />
            <Show when={client()}>{(c) => <DeductCard draft={draft} client={c()} />}</Show>
            <Show when={client()}>{(c) => <PreviewCard draft={draft} client={c()} />}</Show>
            <NotesCard draft={draft} />
          </Form>
        </Show>
      </Boundary>
    </section>
  );
}
