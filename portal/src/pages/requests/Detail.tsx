import { LinkList } from "@baton/ui/LinkList";
import { Markdown } from "@baton/ui/Markdown";
import { Boundary } from "@baton/ui/Boundary";
import { formatDateTime, t } from "@baton/ui/i18n";
import { Title, useSession } from "@baton/ui/session";
import { OtherPartyTime } from "@baton/ui/OtherPartyTime";
import { PageHeader } from "@baton/ui/Shell";
import { Thread } from "@baton/ui/Thread";
import { FileList } from "@baton/ui/FileList";
import { useLiveRequest } from "@baton/ui/Live";
import type { ClientTask } from "@baton/ui/types";
import { A, createAsync, revalidate, useParams } from "@solidjs/router";
import { Match, Show, Switch } from "solid-js";
import { getHistory, getMessages, getRequest, getRequests } from "../data";
import { Deliverables } from "./Deliverables";
import { formatCalendarDate, RequestStatusBadge } from "./shared";
import { Timeline } from "./Timeline";

/** One request as its client sees it: status, deliverables to approve, timeline and thread. */
export default function RequestDetail() {
  const params = useParams<{ id: string }>();
  const { me } = useSession();
  const detail = createAsync(() => getRequest(params.id));
  const thread = createAsync(() => getMessages(params.id));
  const tz = () => me().timeZone;

  /** After an approval or revision: the request, its timeline and the list all move on. */
  const refresh = () => revalidate([getRequest.keyFor(params.id), getHistory.keyFor(params.id), getRequests.key]);

  // The team moves the request on and writes elsewhere: the page asks every few seconds whether
  // anything changed (one cheap call) and reloads only then, while it is visible.
  useLiveRequest(
    () => params.id,
    () => revalidate([getRequest.keyFor(params.id), getHistory.keyFor(params.id), getMessages.keyFor(params.id), getRequests.key]),
    () => thread()?.stamp,
  );

  return (
    <section class="page">
      <div class="page-back">
        <A href="/" class="back-link">
          ← {t("portal.request.back")}
        </A>
      </div>
      <Boundary onRetry={() => revalidate([getRequest.keyFor(params.id), getHistory.keyFor(params.id), getMessages.keyFor(params.id)])}>
        <Show when={detail()}>
          {(data) => {
            const request = () => data().request;
            const tasks = (): ClientTask[] => data().tasks;
            return (
              <>
                <Title>{`${request().reference} ${request().title}`}</Title>
                <PageHeader
                  title={request().title}
                  intro={
                    <span class="header-meta" data-testid="request-meta">
                      <code>{request().reference}</code>
                      <RequestStatusBadge status={request().status} />
                      <span>
                        {t("portal.request.submittedBy", {
                          date: formatDateTime(request().createdAt, tz()),
                          name: request().submittedBy.name,
                        })}
                      </span>
                    </span>
                  }
                />
                <div data-testid="request-status-notice">
                  <Switch>
                    <Match when={request().status === "submitted" && request().waitingForHours}>
                      <p class="notice notice-warning status-notice" data-testid="request-waiting-hours">
                        {t("portal.request.waitingForHours", { agency: me().agency.name })}
                      </p>
                    </Match>
                    <Match when={request().status === "submitted"}>
                      <p class="notice status-notice">
                        {t("portal.request.responseDue", { date: formatDateTime(request().responseDueAt, tz()) })}
                        <OtherPartyTime at={request().responseDueAt} timeZone={me().agency.timeZone} name={me().agency.name} viewerTimeZone={tz()} />
                      </p>
                    </Match>
                    <Match when={request().status === "declined"}>
                      <div class="notice notice-warning status-notice" data-testid="declined">
                        <p class="notice-title">{t("portal.request.declinedTitle")}</p>
                        <Show when={request().declineReason}>
                          {(reason) => (
                            <>
                              <p>{t("portal.request.declinedReason")}</p>
                              <blockquote class="quote">{reason()}</blockquote>
                            </>
                          )}
                        </Show>
                      </div>
                    </Match>
                    <Match when={request().status === "awaiting_approval"}>
                      <p class="notice notice-warning status-notice">{t("portal.request.awaiting")}</p>
                    </Match>
                    <Match when={request().status === "completed"}>
                      <p class="notice notice-success status-notice">
                        {t("portal.request.completedOn", { date: formatDateTime(request().completedAt ?? request().updatedAt, tz()) })}
                      </p>
                    </Match>
                  </Switch>
                </div>
                <div class="detail-grid">
                  <div class="stack">
                    <Deliverables requestStatus={request().status} tasks={tasks()} files={data().files} onChanged={refresh} />
                    <section class="card" aria-labelledby="request-asked-title">
                      <h2 id="request-asked-title">{t("portal.request.asked")}</h2>
                      <Markdown source={request().description} breaks class="note-text" data-testid="request-description" />
                      <Show when={request().links.length > 0}>
                        <h3 class="subheading">{t("portal.field.links")}</h3>
                        <LinkList links={request().links} />
                      </Show>
                      <Show when={data().files.some((file) => file.place === "request")}>
                        <h3 class="subheading">{t("portal.request.files")}</h3>
                        <FileList files={data().files.filter((file) => file.place === "request")} label={t("portal.request.files")} />
                      </Show>
                    </section>
                    <Thread side="client" requestId={params.id} first={thread} canWrite={data().can.includes("message_client")} reload={() => revalidate(getMessages.keyFor(params.id))} onSent={() => void revalidate(getHistory.keyFor(params.id))} />
                  </div>
                  <div class="stack">
                    <section class="card" aria-labelledby="request-details-title">
                      <h2 id="request-details-title">{t("portal.request.details")}</h2>
                      <dl class="facts facts-compact">
                        <div>
                          <dt>{t("portal.field.reference")}</dt>
                          <dd>
                            <code>{request().reference}</code>
                          </dd>
                        </div>
                        <div>
                          <dt>{t("field.status")}</dt>
                          <dd>
                            <RequestStatusBadge status={request().status} />
                          </dd>
                        </div>
                        <div>
                          <dt>{t("portal.field.service")}</dt>
                          <dd>{request().service}</dd>
                        </div>
                        <div>
                          <dt>{t("portal.field.priority")}</dt>
                          <dd>{t(`portal.priority.${request().priority}`)}</dd>
                        </div>
                        <div>
                          <dt>{t("portal.field.desiredDueDate")}</dt>
                          <dd>
                            <Show when={request().desiredDueDate} fallback={<span class="muted">{t("portal.request.notSet")}</span>}>
                              {(date) => <time datetime={date()}>{formatCalendarDate(date())}</time>}
                            </Show>
                          </dd>
                        </div>
                        <div>
                          <dt>{t("portal.field.submitted")}</dt>
                          <dd>
                            <time datetime={request().createdAt}>{formatDateTime(request().createdAt, tz())}</time>
                          </dd>
                        </div>
                      </dl>
                    </section>
                    <Timeline requestId={params.id} />
                  </div>
                </div>
              </>
            );
          }}
        </Show>
      </Boundary>
    </section>
  );
}
