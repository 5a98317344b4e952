import { api } from "@baton/ui/api";
import { Boundary } from "@baton/ui/Boundary";
import { Button } from "@baton/ui/Button";
import { Dialog } from "@baton/ui/Dialog";
import { EmptyState } from "@baton/ui/EmptyState";
import { createSubmission, Form, FormActions } from "@baton/ui/Form";
import { formatDate, t } from "@baton/ui/i18n";
import { LoadMore } from "@baton/ui/LoadMore";
import { createPaged } from "@baton/ui/paged";
import { Select } from "@baton/ui/Select";
import { ClientStatusBadge } from "@baton/ui/StatusBadge";
import { Title, useSession } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import { toast } from "@baton/ui/Toast";
import type { Client } from "@baton/ui/types";
import { createAsync, revalidate, useNavigate, useSearchParams } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { ClientFields, statusOptions, toClientInput, type ClientValues } from "./ClientFields";
import { getClients, parseStatus } from "./data";
import { ClientLink } from "../../components/ClientLink";

export default function Clients() {
  const [params, setParams] = useSearchParams<{ status?: string }>();
  const status = () => parseStatus(params.status);
  const first = createAsync(() => getClients(status()));
  const list = createPaged(first, (cursor) => api.clients.list({ cursor, status: status() || undefined }));
  const [creating, setCreating] = createSignal(false);
  const navigate = useNavigate();

  const newButton = () => (
    <Button variant="primary" onClick={() => setCreating(true)}>
      {t("clients.new")}
    </Button>
  );

  return (
    <section class="page">
      <Title>{t("clients.title")}</Title>
      <PageHeader title={t("clients.title")} intro={t("clients.intro")} actions={newButton()} />
      <div class="toolbar">
        <Select
          label={t("clients.filterStatus")}
          name="status"
          class="field-inline"
          options={[{ value: "", label: t("clients.allStatuses") }, ...statusOptions()]}
          value={status()}
          onValue={(value) => setParams({ status: value || undefined })}
        />
      </div>
      <Boundary onRetry={() => revalidate(getClients.key)}>
        <Show
          when={list.items().length > 0}
          fallback={
            <Show
              when={status()}
              fallback={
                <EmptyState title={t("clients.emptyTitle")} action={newButton()}>
                  {t("clients.emptyBody")}
                </EmptyState>
              }
            >
              <EmptyState
                title={t("clients.emptyFiltered")}
                action={<Button onClick={() => setParams({ status: undefined })}>{t("clients.clearFilter")}</Button>}
              />
            </Show>
          }
        >
          <div class="table-wrap">
            <table class="table table-stack">
              <caption class="sr-only">{t("clients.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("field.clientName")}</th>
                  <th scope="col">{t("field.code")}</th>
                  <th scope="col">{t("field.status")}</th>
                  <th scope="col">{t("field.timeZone")}</th>
                  <th scope="col">{t("field.currency")}</th>
                  <th scope="col">{t("field.created")}</th>
                </tr>
              </thead>
              <tbody>
                <For each={list.items()}>
                  {(client) => (
                    <tr data-testid="client-row">
                      <th scope="row" class="row-head" data-label={t("field.clientName")}>
                        <ClientLink id={client.id} name={client.name} />
                      </th>
                      <td data-label={t("field.code")}>
                        <code>{client.code}</code>
                      </td>
                      <td data-label={t("field.status")}>
                        <ClientStatusBadge status={client.status} />
                      </td>
                      <td data-label={t("field.timeZone")}>{client.timeZone.replaceAll("_", " ")}</td>
                      <td data-label={t("field.currency")}>{client.currency}</td>
                      <td data-label={t("field.created")}>{formatDate(client.createdAt)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
          <LoadMore list={list} />
        </Show>
      </Boundary>
      <Dialog open={creating()} title={t("clients.newTitle")} onClose={() => setCreating(false)} wide>
        <CreateClientForm
          onClose={() => setCreating(false)}
          onCreated={(client) => {
            setCreating(false);
            toast(t("clients.created", { name: client.name }));
            void revalidate(getClients.key);
            navigate(`/clients/${encodeURIComponent(client.id)}`);
          }}
        />
      </Dialog>
    </section>
  );
}

function CreateClientForm(props: { onClose: () => void; onCreated: (client: Client) => void }) {
  const { me } = useSession();
  const [values, setValues] = createStore<ClientValues>({
    name: "",
    code: "",
    timeZone: me().agency.timeZone,
    currency: me().agency.currency,
    status: "lead",
    responseAmount: "1",
    responseUnit: "days",
    website: "",
    notes: "",
  });
  const submission = createSubmission();
  const submit = () =>
    submission.run(async () => {
      const input = toClientInput(values);
      const client = await api.clients.create({
        ...input,
        website: input.website ?? undefined,
        notes: input.notes ?? undefined,
      });
      props.onCreated(client);
    });
  return (
    <Form submission={submission} onSubmit={submit} aria-label={t("clients.newTitle")}>
      <ClientFields values={values} set={setValues} submission={submission} />
      <FormActions>
        <Button onClick={() => props.onClose()}>{t("common.cancel")}</Button>
        <Button type="submit" variant="primary" pending={submission.pending()}>
          {t("clients.create")}
        </Button>
      </FormActions>
    </Form>
  );
}
