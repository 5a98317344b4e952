import { LinkList } from "@baton/ui/LinkList";
import { Markdown } from "@baton/ui/Markdown";
import { Boundary } from "@baton/ui/Boundary";
import { Button, buttonClass } from "@baton/ui/Button";
import { EmptyState } from "@baton/ui/EmptyState";
import { formatDateTime, t } from "@baton/ui/i18n";
import { Title, useSession } from "@baton/ui/session";
import { OtherPartyTime } from "@baton/ui/OtherPartyTime";
import { PageHeader } from "@baton/ui/Shell";
import { Thread } from "@baton/ui/Thread";
import { FileList } from "@baton/ui/FileList";
import { useLiveRequest } from "@baton/ui/Live";
import { toast } from "@baton/ui/Toast";
import type { RequestDetail, WorkTask } from "@baton/ui/types";
import { A, createAsync, revalidate, useParams } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { PriorityBadge, RequestStatusBadge, TaskStatusBadge } from "../../components/badges";
import { DueDate } from "../../components/Due";
import { ResponseDue } from "../../components/ResponseDue";
import { formatCalendarDate } from "../../lib/time";
import { afterTaskChange, expireOnLeave, requestKeys } from "../../lib/work";
import { AcceptDialog } from "./AcceptDialog";
import { Brief } from "./Brief";
import { getHistory, getNotes, getRequest, getThread } from "./data";
import { DeclineDialog } from "./DeclineDialog";
import { Timeline } from "./Timeline";

/** Team tasks carry an assignee; the API sends a client's view only to contacts. */
const teamTasks = (detail: RequestDetail): WorkTask[] => (detail.tasks as WorkTask[]).filter((task) => "assignee" in task);

export default function RequestDetailPage() {
  const params = useParams<{ id: string }>();
  const { me } = useSession();
  // Navigation only (where "back" goes, whether the client's page opens): what anyone may do here is the request's `can`.
  const isOwner = () => me().role === "owner";
  const detail = createAsync(() => getRequest(params.id));
  const thread = createAsync(() => getThread(params.id));
  const notes = createAsync(() => getNotes(params.id));
  const [dialog, setDialog] = createSignal<"accept" | "decline">();
  const refresh = () => revalidate([getRequest.keyFor(params.id), getHistory.keyFor(params.id)]);
  expireOnLeave(() => [getRequest.keyFor(params.id), getHistory.keyFor(params.id), getThread.keyFor(params.id), getNotes.keyFor(params.id)]);
  // The conversation keeps itself current while the page is visible ("anything new?" every few seconds).
  useLiveRequest(
    () => params.id,
    () => revalidate([getRequest.keyFor(params.id), getHistory.keyFor(params.id), getThread.keyFor(params.id), getNotes.keyFor(params.id)]),
    // Both threads read at the same state; otherwise one reload brings them level.
    () => (thread() && notes() ? (thread()!.stamp === notes()!.stamp ? thread()!.stamp : "reload") : undefined),
  );

  const back = () =>
    isOwner() ? (
      <A href="/requests" class="back-link">
        ← {t("requests.back")}
      </A>
    ) : (
      <A href="/work" class="back-link">
        ← {t("work.back")}
      </A>
    );

  return (
    <section class="page">
      <Boundary onRetry={refresh}>
        <Show when={detail()}>
          {(d) => {
            const request = () => d().request;
            const can = (action: RequestDetail["can"][number]) => d().can.includes(action);
            return (
              <>
                <Title>{`${request().reference} · ${request().title}`}</Title>
                <PageHeader
                  back={back()}
                  title={request().title}
                  intro={
                    <span class="header-meta">
                      <code>{request().reference}</code>
                      <RequestStatusBadge status={request().status} />
                      <Show when={request().waitingForHours}>
                        <span class="badge badge-warning">{t("requests.waitingForHours")}</span>
                      </Show>
                      <PriorityBadge priority={request().priority} />
                      <span>{d().client.name}</span>
                    </span>
                  }
                  actions={
                    can("accept") || can("decline") ? (
                      <>
                        <Show when={can("decline")}>
                          <Button class="btn-danger-text" onClick={() => setDialog("decline")}>
                            {t("requests.decline")}
                          </Button>
                        </Show>
                        <Show when={can("accept")}>
                          <A href={`/quotes/new?request=${encodeURIComponent(params.id)}`} class={buttonClass("secondary")} data-testid="make-quote">
                            {t("quotes.makeQuote")}
                          </A>
                        </Show>
                        <Show when={can("accept")}>
                          <Button variant="primary" onClick={() => setDialog("accept")}>
                            {t("requests.accept")}
                          </Button>
                        </Show>
                      </>
                    ) : undefined
                  }
                />
                <Show when={request().waitingForHours}>
                  <p class="notice notice-warning" data-testid="request-waiting-hours">
                    {t("requests.waitingForHoursNote", { client: d().client.name })}
                  </p>
                </Show>
                <div class="detail-grid">
                  <div class="stack">
                    <section class="card" aria-labelledby="request-title">
                      <h2 id="request-title" tabindex="-1">{t("requests.details")}</h2>
                      <dl class="facts">
                        <div>
                          <dt>{t("work.client")}</dt>
                          <dd>
                            <Show when={isOwner()} fallback={d().client.name}>
                              <A href={`/clients/${encodeURIComponent(d().client.id)}`}>{d().client.name}</A>
                            </Show>
                          </dd>
                        </div>
                        <div>
                          <dt>{t("requests.service")}</dt>
                          <dd>{request().service}</dd>
                        </div>
                        <div>
                          <dt>{t("requests.submittedBy")}</dt>
                          <dd>{t("requests.submittedByOn", { name: request().submittedBy.name, date: formatDateTime(request().createdAt) })}</dd>
                        </div>
                        <div>
                          <dt>{t("requests.desiredDue")}</dt>
                          <dd>
                            <Show when={request().desiredDueDate} fallback={<span class="muted">{t("requests.noDesiredDue")}</span>}>
                              {(date) => t("requests.desiredDueIn", { date: formatCalendarDate(date()), zone: d().client.timeZone.replaceAll("_", " ") })}
                            </Show>
                          </dd>
                        </div>
                        <Show
                          when={request().status === "submitted"}
                          fallback={
                            <Show when={request().respondedAt}>
                              {(at) => (
                                <div>
                                  <dt>{t("requests.respondedAt")}</dt>
                                  <dd>{formatDateTime(at())}</dd>
                                </div>
                              )}
                            </Show>
                          }
                        >
                          <div>
                            <dt>{t("requests.responseDue")}</dt>
                            <dd class="due-stack">
                              <ResponseDue at={request().responseDueAt} agency={me().agency} />
                              <OtherPartyTime at={request().responseDueAt} timeZone={d().client.timeZone} name={d().client.name} />
                            </dd>
                          </div>
                        </Show>
                        <Show when={request().declineReason}>
                          {(reason) => (
                            <div>
                              <dt>{t("requests.declineReasonShort")}</dt>
                              <dd class="prewrap">{reason()}</dd>
                            </div>
                          )}
                        </Show>
                        <Show when={request().links.length}>
                          <div>
                            <dt>{t("work.links")}</dt>
                            <dd>
                              <LinkList links={request().links} />
                            </dd>
                          </div>
                        </Show>
                      </dl>
                      <Show when={request().brief}>{(brief) => <Brief brief={brief()} />}</Show>
                      <Show when={!request().brief || request().description}>
                        <h3 class="subheading">{t("work.description")}</h3>
                        <Markdown source={request().description} breaks class="note-text" data-testid="request-description" />
                      </Show>
                      <Show when={d().files.some((file) => file.place === "request")}>
                        <h3 class="subheading">{t("portal.request.files")}</h3>
                        <FileList files={d().files.filter((file) => file.place === "request")} label={t("portal.request.files")} />
                      </Show>
                    </section>

                    <Show when={request().status !== "submitted" && request().status !== "declined"}>
                      <TasksCard tasks={teamTasks(d())} client={d().client} />
                    </Show>
                    <Thread
                      side="team"
                      requestId={request().id}
                      first={thread}
                      canWrite={can("message_client")}
                      reload={() => revalidate(getThread.keyFor(request().id))}
                      onSent={() => void revalidate(getHistory.keyFor(request().id))}
                    />
                    <Thread
                      side="team"
                      thread="internal"
                      requestId={request().id}
                      canWrite={can("add_note")}
                      first={notes}
                      reload={() => revalidate(getNotes.keyFor(request().id))}
                      onSent={() => void revalidate(getHistory.keyFor(request().id))}
                    />
                  </div>
                  <Timeline requestId={request().id} />
                </div>

                <AcceptDialog
                  open={dialog() === "accept"}
                  detail={d()}
                  onClose={() => setDialog(undefined)}
                  onStale={() => void refresh()}
                  onAccepted={(accepted) => {
                    setDialog(undefined);
                    toast(t("requests.accepted", { reference: accepted.request.reference, count: accepted.tasks.length }));
                    // The Accept button is gone; continue at the new tasks (each with its Assign link).
                    void refresh().then(() => requestAnimationFrame(() => document.getElementById("request-tasks-title")?.focus()));
                    void afterTaskChange();
                  }}
                />
                <DeclineDialog
                  open={dialog() === "decline"}
                  request={request()}
                  onClose={() => setDialog(undefined)}
                  onStale={() => void refresh()}
                  onDeclined={(declined) => {
                    setDialog(undefined);
                    toast(t("requests.declined", { reference: declined.reference }));
                    void revalidate(requestKeys).then(() => requestAnimationFrame(() => document.getElementById("request-title")?.focus()));
                  }}
                />
              </>
            );
          }}
        </Show>
      </Boundary>
    </section>
  );
}

/** The request's tasks; an unassigned one offers Assign when its `can` has it. */
function TasksCard(props: { tasks: WorkTask[]; client: { name: string; timeZone: string } }) {
  return (
    <section class="card" aria-labelledby="request-tasks-title">
      <h2 id="request-tasks-title" tabindex="-1">{t("requests.tasks")}</h2>
      <Show when={props.tasks.length} fallback={<EmptyState title={t("requests.noTasks")} />}>
        <ul class="task-list">
          <For each={props.tasks}>
            {(task) => (
              <li class="task-item" data-testid="task-row" data-reference={task.reference}>
                <div class="task-item-main">
                  <A href={`/tasks/${encodeURIComponent(task.id)}`} class="cell-title">
                    {task.title}
                  </A>
                  <div class="cell-sub">
                    <code>{task.reference}</code> · {task.assignee?.name ?? t("work.unassigned")}
                  </div>
                  <div class="cell-sub due-stack">
                    <DueDate at={task.dueAt} done={task.status === "done"} />
                    <OtherPartyTime at={task.dueAt} timeZone={props.client.timeZone} name={props.client.name} />
                  </div>
                </div>
                <div class="task-item-side">
                  <TaskStatusBadge status={task.status} />
                  <Show when={!task.assignee && task.can.includes("assign")}>
                    <A href={`/tasks/${encodeURIComponent(task.id)}?assign=1`} class={buttonClass("primary", "sm")}>
                      {t("tasks.assign")}
                    </A>
                  </Show>
                </div>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
