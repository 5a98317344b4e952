import { api } from "@baton/ui/api";
import { Boundary } from "@baton/ui/Boundary";
import { buttonClass } from "@baton/ui/Button";
import { createSubmission, Form, SaveActions, saveThenReread } from "@baton/ui/Form";
import { versionToSend } from "@baton/ui/form-base";
import { FormFrom } from "@baton/ui/FormFrom";
import { formatClock, formatDate, formatDateTime, t } from "@baton/ui/i18n";
import { Title } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import { ClientStatusBadge } from "@baton/ui/StatusBadge";
import { useNow } from "@baton/ui/time";
import { toast } from "@baton/ui/Toast";
import type { Client } from "@baton/ui/types";
import { A, createAsync, revalidate, useParams } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { BillingFields, billingValues, toBillingInput, type BillingValues } from "./BillingFields";
import { ClientFields, clientValues, toClientInput, type ClientValues } from "./ClientFields";
import { ClientDataPanel } from "./ClientData";
import { Contacts } from "./Contacts";
import { ClientCredits } from "./Credits";
import { ClientCard } from "./Card";
import { ClientFiles } from "./ClientFiles";
import { ClientHourBank } from "./HourBank";
import { ClientSchedules } from "../recurring/ClientSchedules";
import { ClientQuotes } from "../quotes/ClientQuotes";
import { InvoiceToCard } from "./InvoiceTo";
import { getAllClients, getClient, getClients } from "./data";
import { OnboardingPanel } from "./Onboarding";
import { getAgency } from "../settings/data";
import { ClientVault } from "../vault/ClientVault";

export default function ClientDetail() {
  const params = useParams<{ id: string }>();
  const client = createAsync(() => getClient(params.id));
  const [conflicted, setConflicted] = createSignal(false);
  const [billingConflicted, setBillingConflicted] = createSignal(false);
  const now = useNow();

  const back = (
    <A href="/clients" class="back-link">
      ← {t("clients.back")}
    </A>
  );

  return (
    <section class="page">
      <Boundary onRetry={() => revalidate(getClient.keyFor(params.id))}>
        <Show when={client()}>
          {(c) => (
            <>
              <Title>{c().name}</Title>
              <PageHeader
                back={back}
                title={c().name}
                actions={
                  <>
                    <A href={`/requests?client=${encodeURIComponent(c().id)}&status=all`} class={buttonClass("secondary", "sm")}>
                      {t("clients.requestsLink")}
                    </A>
                    <A href={`/board?client=${encodeURIComponent(c().id)}`} class={buttonClass("secondary", "sm")}>
                      {t("clients.boardLink")}
                    </A>
                    <A href={`/invoices?client=${encodeURIComponent(c().id)}`} class={buttonClass("secondary", "sm")}>
                      {t("billing.invoicesLink")}
                    </A>
                    <A href={`/invoices/new?client=${encodeURIComponent(c().id)}`} class={buttonClass("primary", "sm")}>
                      {t("billing.newInvoice")}
                    </A>
                  </>
                }
                intro={
                  <span class="header-meta">
                    <code>{c().code}</code>
                    <ClientStatusBadge status={c().status} />
                    <span>{t("clients.localTime", { time: formatClock(now(), c().timeZone) })}</span>
                  </span>
                }
              />
              <Show when={c().erasedAt}>
                {(at) => (
                  <p class="notice notice-warning" role="status">
                    {t("clientData.erasedNote", { date: formatDate(at()) })}
                  </p>
                )}
              </Show>
              <div class="detail-grid">
                <section class="card" aria-labelledby="client-details-title">
                  <h2 id="client-details-title">{t("clients.details")}</h2>
                  <Show when={conflicted()}>
                    <p class="notice notice-warning" role="alert">
                      {t("common.conflict")}
                    </p>
                  </Show>
                  {/* Made anew after its own save or conflict, or when a field it shows changed; not when another form on the page saves. */}
                  <FormFrom latest={c} shows={DETAILS_FIELDS} identity={clientId}>
                    {(loaded, remake) => <EditClientForm client={loaded} latest={c} remake={remake} onConflict={() => setConflicted(true)} onSaved={() => setConflicted(false)} />}
                  </FormFrom>
                  <p class="muted small">{t("common.updatedAt", { date: formatDateTime(c().updatedAt) })}</p>
                </section>
                <div class="stack">
                  <section class="card" aria-labelledby="client-billing-title">
                    <h2 id="client-billing-title">{t("billing.title")}</h2>
                    <Show when={billingConflicted()}>
                      <p class="notice notice-warning" role="alert">
                        {t("common.conflict")}
                      </p>
                    </Show>
                    <FormFrom latest={c} shows={BILLING_FIELDS} identity={clientId}>
                      {(loaded, remake) => <BillingForm client={loaded} latest={c} remake={remake} onConflict={() => setBillingConflicted(true)} onSaved={() => setBillingConflicted(false)} />}
                    </FormFrom>
                  </section>
                  <InvoiceToCard client={c} />
                  <ClientCredits client={c()} />
                  <ClientCard client={c()} />
                  <Contacts client={c()} />
                  <OnboardingPanel client={c()} />
                  <ClientDataPanel client={c()} />
                </div>
              </div>
              <ClientHourBank client={c()} />
              <ClientFiles client={c()} />
              <ClientSchedules client={c()} />
              <ClientQuotes client={c()} />
              <ClientVault client={c()} />
            </>
          )}
        </Show>
      </Boundary>
    </section>
  );
}

/** The client's fields the details form shows and edits; the billing form's (the currency sets its amounts). */
const DETAILS_FIELDS = ["name", "code", "timeZone", "currency", "status", "responsePromise", "responseHours", "website", "notes"] as const satisfies ReadonlyArray<keyof Client>;
const BILLING_FIELDS = ["billing", "currency"] as const satisfies ReadonlyArray<keyof Client>;

/** Which client a form is made from: moving to another client's page (the same page, another id) makes it anew. */
const clientId = (client: Client) => client.id;

type ClientFormProps = { client: Client; latest: () => Client; remake: () => void; onConflict: () => void; onSaved: () => void };

function EditClientForm(props: ClientFormProps) {
  const [values, setValues] = createStore<ClientValues>(clientValues(props.client));
  const submission = createSubmission();

  const submit = () =>
    submission.run(async () => {
      // Read again: the saved (or someone else's) version replaces the form, and the list follows.
      await saveThenReread(
        () => api.clients.update(props.client.id, { version: versionToSend(DETAILS_FIELDS, props.client, props.latest()), ...toClientInput(values) }),
        () => {
          props.remake();
          return revalidate([getClient.keyFor(props.client.id), getClients.key]);
        },
        {
          saved: (saved) => {
            props.onSaved();
            toast(t("clients.saved", { name: saved.name }));
          },
          conflict: props.onConflict,
        },
      );
    });

  return (
    <Form submission={submission} onSubmit={submit} aria-label={t("clients.details")}>
      <ClientFields values={values} set={setValues} submission={submission} />
      <SaveActions submission={submission} />
    </Form>
  );
}

function BillingForm(props: ClientFormProps) {
  const [values, setValues] = createStore<BillingValues>(billingValues(props.client));
  const submission = createSubmission();
  const agency = createAsync(() => getAgency());

  const submit = () =>
    submission.run(async () => {
      const billing = toBillingInput(values, props.client.currency);
      await saveThenReread(
        () => api.clients.update(props.client.id, { version: versionToSend(BILLING_FIELDS, props.client, props.latest()), billing }),
        () => {
          props.remake();
          return revalidate([getClient.keyFor(props.client.id), getClients.key, getAllClients.key]);
        },
        {
          saved: () => {
            props.onSaved();
            toast(t("billing.saved"));
          },
          conflict: props.onConflict,
        },
      );
    });

  return (
    <Form submission={submission} onSubmit={submit} aria-label={t("billing.title")} data-testid="billing-form">
      <BillingFields values={values} currency={props.client.currency} set={setValues} submission={submission} agencyIncrement={agency()?.billingIncrement} />
      <SaveActions submission={submission} />
    </Form>
  );
}
