import { UnreadDot, useUnread } from "@baton/ui/Unread";
import { api } from "@baton/ui/api";
import { Boundary } from "@baton/ui/Boundary";
import { Button, buttonClass } from "@baton/ui/Button";
import { EmptyState } from "@baton/ui/EmptyState";
import { formatDateTime, t } from "@baton/ui/i18n";
import { LoadMore } from "@baton/ui/LoadMore";
import { createPaged } from "@baton/ui/paged";
import { Select } from "@baton/ui/Select";
import { Title, useSession } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import { A, createAsync, revalidate, useSearchParams } from "@solidjs/router";
import { For, Show } from "solid-js";
import { PriorityBadge, RequestStatusBadge, requestStatuses } from "../../components/badges";
import { ClientFilter } from "../../components/ClientFilter";
import { now } from "../../lib/time";
import { expireOnLeave } from "../../lib/work";
import { getClientNames } from "../clients/data";
import { ResponseDue } from "../../components/ResponseDue";
import { getRequests, parseClientId, parseRequestStatus } from "./data";

/** The owner's triage inbox: submitted requests, the soonest promised response first. */
export default function Requests() {
  const { me } = useSession();
  const unread = useUnread();
  const [params, setParams] = useSearchParams<{ status?: string; client?: string }>();
  const clientId = () => parseClientId(params.client);
  const status = () => parseRequestStatus(params.status);
  const first = createAsync(() => getRequests(status(), clientId()));
  expireOnLeave(() => getRequests.key);
  const list = createPaged(first, (cursor) =>
    api.requests.list({ cursor, status: status(), clientId: clientId() || undefined }),
  );
  const names = createAsync(() => getClientNames());
  const inbox = () => status() === "submitted";
  const filtered = () => !inbox() || !!clientId();

  const statusOptions = () => [
    { value: "all", label: t("requests.allStatuses") },
    ...requestStatuses.map((value) => ({ value, label: value === "submitted" ? t("requests.inboxStatus") : t(`requestStatus.${value}`) })),
  ];

  return (
    <section class="page">
      <Title>{t("requests.title")}</Title>
      <PageHeader
        title={t("requests.title")}
        intro={t("requests.intro")}
        actions={
          <A href={clientId() ? `/requests/new?client=${encodeURIComponent(clientId())}` : "/requests/new"} class={buttonClass("primary")} data-testid="new-request">
            {t("requests.new")}
          </A>
        }
      />
      <Show when={inbox()}>
        <p class="muted small">{t("hours.inboxNote")}</p>
      </Show>
      <div class="toolbar">
        <Select
          label={t("requests.filterStatus")}
          name="status"
          class="field-inline"
          options={statusOptions()}
          value={status()}
          onValue={(value) => setParams({ status: value === "submitted" ? undefined : value })}
        />
        <ClientFilter
          value={clientId()}
          onValue={(value) => setParams({ client: value || undefined })}
        />
      </div>
      <Boundary onRetry={() => revalidate(getRequests.key)}>
        <Show
          when={list.items().length > 0}
          fallback={
            <Show when={filtered()} fallback={<EmptyState title={t("requests.emptyTitle")}>{t("requests.emptyBody")}</EmptyState>}>
              <EmptyState
                title={t("requests.emptyFiltered")}
                action={<Button onClick={() => setParams({ status: undefined, client: undefined })}>{t("requests.clearFilter")}</Button>}
              />
            </Show>
          }
        >
          <div class="table-wrap">
            <table class="table table-stack">
              <caption class="sr-only">{inbox() ? t("requests.inboxCaption") : t("requests.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("requests.request")}</th>
                  <th scope="col">{t("work.client")}</th>
                  <th scope="col">{t("requests.priority")}</th>
                  <th scope="col">{inbox() ? t("requests.responseDue") : t("field.status")}</th>
                  <th scope="col">{t("requests.submitted")}</th>
                </tr>
              </thead>
              <tbody>
                <For each={list.items()}>
                  {(request) => (
                    <tr
                      data-testid="request-row"
                      data-reference={request.reference}
                      classList={{ "row-overdue": request.status === "submitted" && Date.parse(request.responseDueAt) < now().getTime() }}
                    >
                      <th scope="row" class="row-head" data-label={t("requests.request")}>
                        <A href={`/requests/${encodeURIComponent(request.id)}`} class="cell-title">
                          {request.title}
                        </A>
                        <Show when={unread.has(request.id)}>
                          {" "}
                          <UnreadDot label={t("unread.markNamed")} />
                        </Show>
                        <div class="cell-sub">
                          <code>{request.reference}</code> · {request.service}
                        </div>
                      </th>
                      <td data-label={t("work.client")}>{names()?.get(request.clientId)?.name ?? "—"}</td>
                      <td data-label={t("requests.priority")}>
                        <PriorityBadge priority={request.priority} />
                      </td>
                      <td data-label={inbox() ? t("requests.responseDue") : t("field.status")}>
                        <Show when={request.status === "submitted"} fallback={<RequestStatusBadge status={request.status} />}>
                          <ResponseDue at={request.responseDueAt} agency={me().agency} />
                        </Show>
                        <Show when={request.waitingForHours}>
                          <div>
                            <span class="badge badge-warning" data-testid="request-waiting-hours">
                              {t("requests.waitingForHours")}
                            </span>
                          </div>
                        </Show>
                      </td>
                      <td data-label={t("requests.submitted")}>
                        <div>{formatDateTime(request.createdAt)}</div>
                        <div class="cell-sub">{request.submittedBy.name}</div>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
          <LoadMore list={list} />
        </Show>
      </Boundary>
    </section>
  );
}
