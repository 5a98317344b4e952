import { api } from "@baton/ui/api";
import { Boundary } from "@baton/ui/Boundary";
import { Button, buttonClass } from "@baton/ui/Button";
import { EmptyState } from "@baton/ui/EmptyState";
import { formatDate, t } from "@baton/ui/i18n";
import { LoadMore } from "@baton/ui/LoadMore";
import { createPaged } from "@baton/ui/paged";
import { Title, useSession } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import type { RequestStatus, WorkRequest } from "@baton/ui/types";
import { A, createAsync, revalidate, useSearchParams } from "@solidjs/router";
import { For, Show } from "solid-js";
import { getRequests } from "../data";
import { UnreadDot, useUnread } from "@baton/ui/Unread";
import { OnboardingBanner } from "../onboarding/Banner";
import { useBrand } from "@baton/ui/brand";
import { RequestStatusBadge, requestStatuses } from "./shared";

// The portal's home: the company's requests, newest first. The API pages them but does not
// filter a contact's list by status, so the filter applies to the requests loaded so far.

type Filter = "" | "open" | RequestStatus;
const filters: Filter[] = ["", "open", ...requestStatuses];
const parseFilter = (value: unknown): Filter => (filters.includes(value as Filter) ? (value as Filter) : "");
const openStatuses: RequestStatus[] = ["submitted", "in_progress", "awaiting_approval"];

const matches = (request: WorkRequest, filter: Filter) =>
  filter === "" ? true : filter === "open" ? openStatuses.includes(request.status) : request.status === filter;

const filterLabel = (filter: Filter) =>
  filter === "" ? t("portal.requests.filterAll") : filter === "open" ? t("portal.requests.filterOpen") : t(`portal.requestStatus.${filter}`);

export default function Requests() {
  const { me } = useSession();
  const brand = useBrand();
  const [params, setParams] = useSearchParams<{ show?: string }>();
  const filter = () => parseFilter(params.show);
  const first = createAsync(() => getRequests());
  const unread = useUnread();
  const list = createPaged(first, (cursor) => api.requests.list({ cursor }));
  const shown = () => list.items().filter((request) => matches(request, filter()));
  const awaiting = () => list.items().filter((request) => request.status === "awaiting_approval").length;
  const setFilter = (value: Filter) => setParams({ show: value || undefined });

  const newButton = (label = t("portal.requests.new")) => (
    <A href="/requests/new" class={buttonClass("primary")}>
      {label}
    </A>
  );

  return (
    <section class="page">
      <Title>{t("portal.requests.title")}</Title>
      <PageHeader title={t("portal.requests.title")} intro={t("portal.requests.intro", { agency: brand()?.name ?? me().agency.name })} actions={newButton()} />
      <Show when={brand()?.welcome}>
        {(welcome) => (
          <p class="card brand-welcome" data-testid="brand-welcome">
            {welcome()}
          </p>
        )}
      </Show>
      <OnboardingBanner />
      <Boundary onRetry={() => revalidate(getRequests.key)}>
        <Show
          when={list.items().length > 0}
          fallback={
            <Show when={first()}>
              <div class="card">
                <EmptyState title={t("portal.requests.emptyTitle")} action={newButton(t("portal.requests.emptyAction"))}>
                  {t("portal.requests.emptyBody")}
                </EmptyState>
              </div>
            </Show>
          }
        >
          <Show when={awaiting() > 0 && filter() !== "awaiting_approval"}>
            <div class="notice notice-warning attention-notice" data-testid="awaiting-notice">
              <span>{t("portal.requests.awaitingCount", { count: awaiting() })}</span>
              <Button size="sm" onClick={() => setFilter("awaiting_approval")}>
                {t("portal.requests.showAwaiting")}
              </Button>
            </div>
          </Show>
          <div class="filter-bar" role="group" aria-label={t("portal.requests.filter")}>
            <For each={filters}>
              {(value) => (
                <button type="button" class="filter-chip" aria-pressed={filter() === value ? "true" : "false"} onClick={() => setFilter(value)}>
                  {filterLabel(value)}
                </button>
              )}
            </For>
          </div>
          <Show
            when={shown().length > 0}
            fallback={
              <div class="card">
                <EmptyState
                  title={t("portal.requests.emptyFiltered")}
                  action={<Button onClick={() => setFilter("")}>{t("portal.requests.showAll")}</Button>}
                >
                  <Show when={list.hasMore()}>{t("portal.requests.emptyFilteredMore")}</Show>
                </EmptyState>
              </div>
            }
          >
            <div class="table-wrap">
              <table class="table table-stack">
                <caption class="sr-only">
                  {t("portal.requests.title")}: {filterLabel(filter())}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t("portal.field.reference")}</th>
                    <th scope="col">{t("portal.field.title")}</th>
                    <th scope="col">{t("field.status")}</th>
                    <th scope="col">{t("portal.field.submitted")}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={shown()}>
                    {(request) => {
                      const attention = () => request.status === "awaiting_approval";
                      return (
                        <tr data-testid="request-row" data-reference={request.reference} classList={{ "row-attention": attention() }}>
                          <th scope="row" class="row-head" data-label={t("portal.field.reference")}>
                            <code>{request.reference}</code>
                          </th>
                          <td data-label={t("portal.field.title")}>
                            <A href={`/requests/${encodeURIComponent(request.id)}`} class="cell-title">
                              {request.title}
                            </A>
                            <Show when={unread.has(request.id)}>
                              {" "}
                              <UnreadDot label={t("unread.markNamed")} />
                            </Show>
                            <div class="cell-sub">
                              {request.service}
                              <Show when={attention()}>
                                {" · "}
                                <strong class="attention-text">{t("portal.requests.reviewNow")}</strong>
                              </Show>
                            </div>
                          </td>
                          <td data-label={t("field.status")}>
                            <RequestStatusBadge status={request.status} />
                          </td>
                          <td data-label={t("portal.field.submitted")}>
                            <time datetime={request.createdAt}>{formatDate(request.createdAt, me().timeZone)}</time>
                            <div class="cell-sub">{t("portal.requests.by", { name: request.submittedBy.name })}</div>
                          </td>
                        </tr>
                      );
                    }}
                  </For>
                </tbody>
              </table>
            </div>
          </Show>
          <LoadMore list={list} />
        </Show>
      </Boundary>
    </section>
  );
}
