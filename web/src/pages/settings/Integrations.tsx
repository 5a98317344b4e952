import { api } from "@baton/ui/api";
import { Badge } from "@baton/ui/Badge";
import { Boundary } from "@baton/ui/Boundary";
import { Button } from "@baton/ui/Button";
import { Dialog } from "@baton/ui/Dialog";
import { EmptyState } from "@baton/ui/EmptyState";
import { ErrorMessage } from "@baton/ui/ErrorMessage";
import { LoadMore } from "@baton/ui/LoadMore";
import { createPaged } from "@baton/ui/paged";
import { Select } from "@baton/ui/Select";
import { createSubmission, Form, FormActions } from "@baton/ui/Form";
import { formatDateTime, t } from "@baton/ui/i18n";
import { TextField } from "@baton/ui/TextField";
import { toast } from "@baton/ui/Toast";
import type { CreatedWebhookEndpoint, WebhookEndpoint } from "@baton/ui/types";
import { createAsync, query, revalidate } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";

// Settings → Integrations (issue 19): the owner's webhook endpoints, a test event, the delivery
// log and redelivery. Deliveries happen after the API answers, so the log is read again on demand.

const getEndpoints = query(() => api.integrations.endpoints(), "integrations.endpoints");
const getEventTypes = query(() => api.integrations.eventTypes(), "integrations.eventTypes");
const getDeliveries = query((id: string) => api.integrations.deliveries(id), "integrations.deliveries");
const getClients = query(() => api.clients.list({ limit: 100 }), "integrations.clients");

/** An event type's name in the reader's language (the catalogue's id stays beside it for developers). */
const eventLabel = (type: string) => {
  const key = `integrations.event.${type}` as Parameters<typeof t>[0];
  const label = t(key);
  return label === key ? type : label;
};
const kindLabel = { webhook: "integrations.kindWebhook", slack: "integrations.kindSlack", teams: "integrations.kindTeams" } as const;

export function IntegrationsCard() {
  const endpoints = createAsync(() => getEndpoints());
  const [adding, setAdding] = createSignal(false);
  const [logOf, setLogOf] = createSignal<WebhookEndpoint>();
  const addButton = () => (
    <Button variant="primary" onClick={() => setAdding(true)}>
      {t("integrations.add")}
    </Button>
  );
  return (
    <>
      <section class="card" aria-labelledby="integrations-title" data-testid="integrations">
        <div class="card-header">
          <h2 id="integrations-title">{t("integrations.title")}</h2>
          {addButton()}
        </div>
        <p class="muted small">{t("integrations.intro")}</p>
        <Boundary onRetry={() => revalidate(getEndpoints.key)}>
          <Show when={(endpoints()?.items.length ?? 0) > 0} fallback={<EmptyState title={t("integrations.emptyTitle")} action={addButton()}>{t("integrations.emptyBody")}</EmptyState>}>
            <ul class="plain-list">
              <For each={endpoints()?.items ?? []}>{(endpoint) => <EndpointRow endpoint={endpoint} onLog={() => setLogOf(endpoint)} />}</For>
            </ul>
          </Show>
        </Boundary>
      </section>
      <AddEndpointDialog open={adding()} onClose={() => setAdding(false)} />
      <DeliveryLog endpoint={logOf()} onClose={() => setLogOf(undefined)} />
    </>
  );
}

function EndpointRow(props: { endpoint: WebhookEndpoint; onLog: () => void }) {
  const action = createSubmission();
  const test = () =>
    action.run(async () => {
      await api.integrations.sendTest(props.endpoint.id);
      toast(t("integrations.testSent"));
    });
  const toggle = () =>
    action.run(async () => {
      const on = props.endpoint.status !== "active";
      await api.integrations.updateEndpoint(props.endpoint.id, { version: props.endpoint.version, status: on ? "active" : "disabled" });
      await revalidate(getEndpoints.key);
      toast(t(on ? "integrations.turnedOn" : "integrations.turnedOff"));
    });
  const remove = () =>
    action.run(async () => {
      await api.integrations.removeEndpoint(props.endpoint.id);
      await revalidate(getEndpoints.key);
      toast(t("integrations.deleted"));
    });
  return (
    <li class="endpoint-row" data-testid="endpoint-row">
      <div class="endpoint-main">
        <code class="endpoint-url">{props.endpoint.url}</code>{" "}
        <Badge tone={props.endpoint.status === "active" ? "success" : "warning"}>{t(props.endpoint.status === "active" ? "integrations.active" : "integrations.disabled")}</Badge>
        <Show when={props.endpoint.kind !== "webhook"}>
          {" "}
          <Badge tone="neutral">{t(kindLabel[props.endpoint.kind])}</Badge>
        </Show>
        <Show when={props.endpoint.origin === "subscription"}>
          {" "}
          <Badge tone="neutral">{t("integrations.subscription")}</Badge>
        </Show>
        <Show when={props.endpoint.failingSince}>{(since) => <p class="small muted">{t("integrations.failingSince", { time: formatDateTime(since()) })}</p>}</Show>
        <p class="small muted">{props.endpoint.events.map(eventLabel).join(", ")}</p>
      </div>
      <div class="endpoint-actions" role="group" aria-label={t("integrations.actionsFor", { url: props.endpoint.url })}>
        <Button size="sm" onClick={test} pending={action.pending()}>{t("integrations.sendTest")}</Button>
        <Button size="sm" onClick={() => props.onLog()}>{t("integrations.showLog")}</Button>
        <Button size="sm" variant="ghost" onClick={toggle}>{t(props.endpoint.status === "active" ? "integrations.turnOff" : "integrations.turnOn")}</Button>
        <Button size="sm" variant="ghost" class="btn-danger-text" onClick={remove}>{t("integrations.delete")}</Button>
      </div>
      <ErrorMessage error={action.error()} />
    </li>
  );
}

function AddEndpointDialog(props: { open: boolean; onClose: () => void }) {
  const [created, setCreated] = createSignal<CreatedWebhookEndpoint>();
  const close = () => {
    setCreated(undefined);
    props.onClose();
  };
  return (
    <Dialog open={props.open} title={created() ? t("integrations.createdTitle") : t("integrations.addTitle")} onClose={close}>
      <Show
        when={created()}
        fallback={
          <AddForm
            onClose={close}
            onCreated={async (result) => {
              await revalidate(getEndpoints.key);
              // A Slack or Teams channel is sent readable messages, not signed ones: its secret is of no use to show.
              if (result.endpoint.kind !== "webhook") {
                close();
                toast(t("integrations.channelAdded"));
                return;
              }
              setCreated(result);
            }}
          />
        }
      >
        {(result) => (
          <div class="secret">
            <p class="notice notice-warning">{t("integrations.secretOnce")}</p>
            <div class="field">
              <label class="field-label" for="webhook-secret">{t("integrations.secret")}</label>
              <input id="webhook-secret" readonly value={result().secret} onFocus={(e) => e.currentTarget.select()} class="mono" />
            </div>
            <FormActions>
              <Button variant="primary" onClick={close}>{t("integrations.done")}</Button>
            </FormActions>
          </div>
        )}
      </Show>
    </Dialog>
  );
}

function AddForm(props: { onClose: () => void; onCreated: (created: CreatedWebhookEndpoint) => Promise<void> }) {
  const types = createAsync(() => getEventTypes());
  const [url, setUrl] = createSignal("");
  const [description, setDescription] = createSignal("");
  const [events, setEvents] = createSignal<string[]>([]);
  const [kind, setKind] = createSignal<"webhook" | "slack" | "teams">("webhook");
  const [clientId, setClientId] = createSignal("");
  const [locale, setLocale] = createSignal("");
  const clients = createAsync(() => getClients());
  const toggle = (type: string, on: boolean) => setEvents((current) => (on ? [...current, type] : current.filter((e) => e !== type)));
  const submission = createSubmission();
  const submit = () =>
    submission.run(async () =>
      props.onCreated(
        await api.integrations.createEndpoint({
          url: url().trim(),
          events: events(),
          kind: kind(),
          ...(description().trim() ? { description: description().trim() } : {}),
          ...(clientId() ? { clientId: clientId() } : {}),
          ...(kind() !== "webhook" && locale() ? { locale: locale() as "en" | "el" | "hi" } : {}),
        }),
      ),
    );
  const urlHint = () => t(kind() === "slack" ? "integrations.urlHintSlack" : kind() === "teams" ? "integrations.urlHintTeams" : "integrations.urlHint");
  return (
    <Form submission={submission} onSubmit={submit} aria-label={t("integrations.addTitle")}>
      <Select
        label={t("integrations.kind")}
        name="kind"
        value={kind()}
        onValue={(value) => setKind(value as "webhook" | "slack" | "teams")}
        options={(["webhook", "slack", "teams"] as const).map((value) => ({ value, label: t(kindLabel[value]) }))}
        error={submission.fieldError("kind")}
      />
      <TextField label={t("integrations.url")} name="url" type="url" required autocomplete="off" hint={urlHint()} value={url()} onValue={setUrl} error={submission.fieldError("url")} />
      <Select
        label={t("integrations.client")}
        name="clientId"
        value={clientId()}
        onValue={setClientId}
        options={[{ value: "", label: t("integrations.everyClient") }, ...(clients()?.items ?? []).map((client) => ({ value: client.id, label: client.name }))]}
        error={submission.fieldError("clientId")}
      />
      <Show when={kind() !== "webhook"}>
        <Select
          label={t("integrations.language")}
          name="locale"
          value={locale()}
          onValue={setLocale}
          options={[{ value: "", label: t("integrations.languageOwn") }, { value: "en", label: "English" }, { value: "el", label: "Ελληνικά" }, { value: "hi", label: "हिन्दी" }]}
          error={submission.fieldError("locale")}
        />
      </Show>
      <TextField label={t("integrations.description")} name="description" autocomplete="off" value={description()} onValue={setDescription} error={submission.fieldError("description")} />
      <fieldset class="check-group plain-fieldset" aria-describedby="webhook-events-hint">
        <legend class="field-label">{t("integrations.events")}</legend>
        <For each={types()?.items ?? []}>
          {(type) => (
            <label class="check">
              <input type="checkbox" name="events" value={type.type} checked={events().includes(type.type)} onChange={(e) => toggle(type.type, e.currentTarget.checked)} />
              <span>
                {eventLabel(type.type)} <code class="small muted">{type.type}</code>
              </span>
            </label>
          )}
        </For>
        <p class="field-hint" id="webhook-events-hint">{t("integrations.eventsHint")}</p>
        <Show when={submission.fieldError("events")}>{(message) => <p class="field-error" role="alert">{message()}</p>}</Show>
      </fieldset>
      <FormActions>
        <Button onClick={() => props.onClose()}>{t("common.cancel")}</Button>
        <Button type="submit" variant="primary" pending={submission.pending()}>{t("integrations.add")}</Button>
      </FormActions>
    </Form>
  );
}

function DeliveryLog(props: { endpoint: WebhookEndpoint | undefined; onClose: () => void }) {
  return (
    <Dialog open={!!props.endpoint} wide title={t("integrations.logFor", { url: props.endpoint?.url ?? "" })} onClose={() => props.onClose()}>
      <Show when={props.endpoint}>{(endpoint) => <LogTable endpointId={endpoint().id} />}</Show>
    </Dialog>
  );
}

function LogTable(props: { endpointId: string }) {
  const first = createAsync(() => getDeliveries(props.endpointId));
  // The log is paged newest first: "Load more" reads older deliveries.
  const deliveries = createPaged(first, (cursor) => api.integrations.deliveries(props.endpointId, { cursor }));
  const action = createSubmission();
  const redeliver = (deliveryId: string) =>
    action.run(async () => {
      await api.integrations.redeliver(props.endpointId, deliveryId);
      await revalidate(getDeliveries.keyFor(props.endpointId));
      toast(t("integrations.redelivered"));
    });
  const statusLabel = (status: string) => t(status === "delivered" ? "integrations.delivered" : status === "pending" ? "integrations.pending" : "integrations.failed");
  return (
    <div>
      <Button size="sm" onClick={() => revalidate(getDeliveries.keyFor(props.endpointId))}>{t("integrations.refresh")}</Button>
      <ErrorMessage error={action.error()} />
      <Boundary onRetry={() => revalidate(getDeliveries.keyFor(props.endpointId))}>
        <Show when={deliveries.items().length > 0} fallback={<Show when={first()}><p class="muted">{t("integrations.logEmpty")}</p></Show>}>
          <div class="table-wrap">
            <table class="table table-stack">
              <caption class="sr-only">{t("integrations.showLog")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("integrations.event")}</th>
                  <th scope="col">{t("integrations.status")}</th>
                  <th scope="col">{t("integrations.response")}</th>
                  <th scope="col">{t("integrations.attempts")}</th>
                  <th scope="col">{t("integrations.time")}</th>
                  <th scope="col"><span class="sr-only">{t("common.actions")}</span></th>
                </tr>
              </thead>
              <tbody>
                <For each={deliveries.items()}>
                  {(delivery) => {
                    const last = () => delivery.log[delivery.log.length - 1];
                    return (
                      <tr data-testid="delivery-row">
                        <td data-label={t("integrations.event")}>{eventLabel(delivery.type)}</td>
                        <td data-label={t("integrations.status")} data-testid="delivery-status">{statusLabel(delivery.status)}</td>
                        <td data-label={t("integrations.response")}>
                          {last() ? (last()!.statusCode ? String(last()!.statusCode) : t("integrations.noAnswer")) : "—"}
                          <Show when={last()?.excerpt || last()?.error}><span class="small muted"> {(last()?.error ?? last()?.excerpt ?? "").slice(0, 120)}</span></Show>
                        </td>
                        <td data-label={t("integrations.attempts")} data-testid="delivery-attempts">{delivery.attempts}</td>
                        <td data-label={t("integrations.time")}>{formatDateTime(last()?.at ?? delivery.createdAt)}</td>
                        <td class="cell-actions">
                          <Button size="sm" onClick={() => redeliver(delivery.id)} pending={action.pending()}>{t("integrations.redeliver")}</Button>
                        </td>
                      </tr>
                    );
                  }}
                </For>
              </tbody>
            </table>
          </div>
          <LoadMore list={deliveries} />
        </Show>
      </Boundary>
    </div>
  );
}
