import { LinkList } from "@baton/ui/LinkList";
import { FileList } from "@baton/ui/FileList";
import { conflictCurrent } from "@baton/ui/api";
import { Badge } from "@baton/ui/Badge";
import { Boundary } from "@baton/ui/Boundary";
import { Button } from "@baton/ui/Button";
import { formatClock, formatDateTime, t } from "@baton/ui/i18n";
import { Title, useSession } from "@baton/ui/session";
import { OtherPartyTime } from "@baton/ui/OtherPartyTime";
import { PageHeader } from "@baton/ui/Shell";
import { toast } from "@baton/ui/Toast";
import type { TaskDetail, WorkTask } from "@baton/ui/types";
import { A, createAsync, query, revalidate, useParams, useSearchParams } from "@solidjs/router";
import { createEffect, createMemo, createSignal, For, on, Show } from "solid-js";
import { QuadrantBadge, TaskStatusBadge } from "../../components/badges";
import { DueDate } from "../../components/Due";
import { TaskTimer } from "../../components/TaskTimer";
import { formatHours, now } from "../../lib/time";
import { afterTaskChange, expireOnLeave } from "../../lib/work";
import { AssignDialog } from "./AssignDialog";
import { Checklist } from "./Checklist";
import { getTask } from "./data";
import { ReviewForm } from "./ReviewForm";
import { SubmitForm } from "./SubmitForm";

const workable = (task: WorkTask) => task.status === "in_progress" || task.status === "returned";
const assignable = (task: WorkTask) => task.status === "todo" || workable(task);

export default function TaskPage() {
  const params = useParams<{ id: string }>();
  const [search, setSearch] = useSearchParams<{ assign?: string }>();
  const { me } = useSession();
  const detail = createAsync(() => getTask(params.id));
  // Every move answers with the task as it now is; that beats the (older) loaded copy.
  const [latest, setLatest] = createSignal<WorkTask>();
  const task = createMemo(() => {
    const loaded = detail()?.task;
    const mine = latest();
    return loaded && mine && mine.id === loaded.id && mine.version >= loaded.version ? mine : loaded;
  });
  const [assigning, setAssigning] = createSignal(false);
  expireOnLeave(() => getTask.keyFor(params.id));

  const isOwner = () => me().role === "owner";
  const isAssignee = () => !!task()?.assignee && task()?.assignee?.id === me().id;
  const canReview = () => isOwner() || (me().reviewer && !isAssignee());

  /** Shows `next` here, and in the cached detail, so coming back within the cache's reuse window shows it too. */
  const show = (next: WorkTask) => {
    setLatest(next);
    const loaded = detail();
    if (loaded && loaded.task.id === next.id) query.set(getTask.keyFor(next.id), { ...loaded, task: next });
  };
  const changed = (next: WorkTask) => {
    show(next);
    void afterTaskChange();
  };
  /** A 409: show the task as it is now and say so. */
  const stale = (error: unknown) => {
    const current = conflictCurrent<WorkTask>(error);
    if (!current) return false;
    show(current);
    toast(t("tasks.reloaded"), "error");
    return true;
  };

  // "?assign=1" (from the request page) opens the assign dialog once the task is here.
  createEffect(
    on(task, (loaded) => {
      if (!loaded || search.assign !== "1") return;
      if (isOwner() && assignable(loaded)) setAssigning(true);
      setSearch({ assign: undefined }, { replace: true });
    }),
  );

  return (
    <section class="page">
      <Boundary onRetry={() => revalidate(getTask.keyFor(params.id))}>
        <Show when={detail() && task()}>
          <TaskView
            detail={detail()!}
            task={task()!}
            isOwner={isOwner()}
            isAssignee={isAssignee()}
            canReview={canReview()}
            onAssign={() => setAssigning(true)}
            onChange={changed}
            onStale={stale}
          />
          <Show when={isOwner()}>
            <AssignDialog
              open={assigning()}
              task={task()!}
              onClose={() => setAssigning(false)}
              onStale={(current) => show(current)}
              onAssigned={(assigned) => {
                setAssigning(false);
                changed(assigned);
                toast(t("tasks.assigned", { reference: assigned.reference, name: assigned.assignee?.name ?? "" }));
              }}
            />
          </Show>
        </Show>
      </Boundary>
    </section>
  );
}

function TaskView(props: {
  detail: TaskDetail;
  task: WorkTask;
  isOwner: boolean;
  isAssignee: boolean;
  canReview: boolean;
  onAssign: () => void;
  onChange: (task: WorkTask) => void;
  onStale: (error: unknown) => boolean;
}) {
  const task = () => props.task;
  // The request (and its thread) is open to the owner and the task's assignee; a reviewer sees the task only.
  // The owner, the assignee and QA reviewers read the request and its thread.
  const seesRequest = () => props.isOwner || props.isAssignee || props.canReview;
  const back = () =>
    props.isOwner ? (
      <A href={`/requests/${encodeURIComponent(task().requestId)}`} class="back-link">
        ← {t("tasks.backToRequest", { reference: props.detail.request.reference })}
      </A>
    ) : props.isAssignee ? (
      <A href="/work" class="back-link">
        ← {t("work.back")}
      </A>
    ) : (
      <A href="/qa" class="back-link">
        ← {t("qa.title")}
      </A>
    );

  return (
    <>
      <Title>{`${task().reference} · ${task().title}`}</Title>
      <PageHeader
        back={back()}
        title={task().title}
        intro={
          <span class="header-meta">
            <code>{task().reference}</code>
            <TaskStatusBadge status={task().status} />
            <QuadrantBadge quadrant={task().quadrant} />
            <span>{props.detail.client.name}</span>
          </span>
        }
        actions={
          props.isOwner && assignable(task()) ? (
            <Button variant={task().assignee ? "secondary" : "primary"} onClick={() => props.onAssign()}>
              {task().assignee ? t("tasks.reassign") : t("tasks.assign")}
            </Button>
          ) : undefined
        }
      />
      <StatusNotice task={task()} isAssignee={props.isAssignee} />
      <div class="detail-grid">
        <div class="stack">
          <section class="card" aria-labelledby="task-details-title">
            <h2 id="task-details-title">{t("tasks.details")}</h2>
            <dl class="facts">
              <div>
                <dt>{t("work.client")}</dt>
                <dd>
                  {props.detail.client.name}
                  <span class="muted"> · {t("clients.localTime", { time: formatClock(now(), props.detail.client.timeZone) })}</span>
                </dd>
              </div>
              <div>
                <dt>{t("work.dueAt")}</dt>
                <dd class="due-stack">
                  <DueDate at={task().dueAt} done={task().status === "done"} />
                  <OtherPartyTime at={task().dueAt} timeZone={props.detail.client.timeZone} name={props.detail.client.name} />
                </dd>
              </div>
              <div>
                <dt>{t("work.estimate")}</dt>
                <dd>{formatHours(task().estimateMinutes / 60)}</dd>
              </div>
              <div>
                <dt>{t("work.quadrant")}</dt>
                <dd>
                  <QuadrantBadge quadrant={task().quadrant} /> <span class="muted small">{t(`quadrantHint.${task().quadrant}`)}</span>
                </dd>
              </div>
              <div>
                <dt>{t("work.assignee")}</dt>
                <dd data-testid="task-assignee">
                  <Show when={task().assignee} fallback={<span class="muted">{t("work.unassigned")}</span>}>
                    {(assignee) => (
                      <>
                        {assignee().name}
                        <span class="muted"> · {t("clients.localTime", { time: formatClock(now(), assignee().timeZone) })}</span>
                      </>
                    )}
                  </Show>
                </dd>
              </div>
              <Show when={task().skills.length}>
                <div>
                  <dt>{t("field.skills")}</dt>
                  <dd>
                    <ul class="chips">
                      <For each={task().skills}>{(skill) => <li class="chip">{skill}</li>}</For>
                    </ul>
                  </dd>
                </div>
              </Show>
              <div>
                <dt>{t("tasks.request")}</dt>
                <dd>
                  <Show when={seesRequest()} fallback={`${props.detail.request.reference} · ${props.detail.request.title}`}>
                    <A href={`/requests/${encodeURIComponent(task().requestId)}`}>
                      {props.detail.request.reference} · {props.detail.request.title}
                    </A>
                    <div>
                      <A href={`/requests/${encodeURIComponent(task().requestId)}#thread`} class="small">
                        {t("tasks.openThread")}
                      </A>
                    </div>
                  </Show>
                </dd>
              </div>
              <Show when={props.detail.request.links.length}>
                <div>
                  <dt>{t("work.links")}</dt>
                  <dd>
                    <LinkList links={props.detail.request.links} />
                  </dd>
                </div>
              </Show>
            </dl>
            <Show when={task().description}>
              <h3 class="subheading">{t("work.description")}</h3>
              <p class="prewrap">{task().description}</p>
            </Show>
          </section>

          <SopPanel detail={props.detail} task={task()} editable={(props.isAssignee || props.isOwner) && workable(task())} onChange={props.onChange} onStale={props.onStale} />

          <Show when={task().deliverable}>
            {(deliverable) => {
              const filesOf = (round: number) => props.detail.files.filter((file) => (file.round ?? 1) === round);
              return (
                <section class="card" aria-labelledby="deliverable-title" data-testid="deliverable">
                  <h2 id="deliverable-title">{t("tasks.deliverable")}</h2>
                  <p class="muted small">
                    <Show when={deliverable().round > 1}>{t("tasks.roundOf", { number: deliverable().round })} · </Show>
                    {t("tasks.submittedByOn", { name: deliverable().submittedBy.name, date: formatDateTime(deliverable().submittedAt) })}
                  </p>
                  <p class="prewrap">{deliverable().text}</p>
                  <Show when={deliverable().clientNote}>
                    {(note) => (
                      <>
                        <h3 class="subheading">{t("tasks.clientNote")}</h3>
                        <p class="prewrap" data-testid="client-note">
                          {note()}
                        </p>
                      </>
                    )}
                  </Show>
                  <Show when={deliverable().links.length}>
                    <LinkList links={deliverable().links} />
                  </Show>
                  <Show when={filesOf(deliverable().round).length}>
                    <h3 class="subheading">{t("tasks.deliverableFiles")}</h3>
                    <FileList
                      files={filesOf(deliverable().round)}
                      label={t("tasks.deliverableFiles")}
                      detail={(file) => (file.visibleToClient ? undefined : t("files.waitsForQa"))}
                    />
                  </Show>
                  <Show when={task().deliverableHistory.length}>
                    <details class="earlier-rounds" data-testid="earlier-submissions">
                      <summary>{t("tasks.earlier")}</summary>
                      <For each={[...task().deliverableHistory].reverse()}>
                        {(entry) => (
                          <div class="earlier-round">
                            <h4 class="subheading">
                              {t("tasks.roundOf", { number: entry.round })} · <span class="muted small">{formatDateTime(entry.submittedAt)}</span>
                            </h4>
                            <p class="prewrap">{entry.clientNote ?? entry.text}</p>
                            <Show when={filesOf(entry.round).length}>
                              <FileList files={filesOf(entry.round)} compact />
                            </Show>
                          </div>
                        )}
                      </For>
                    </details>
                  </Show>
                </section>
              );
            }}
          </Show>

          <Show when={props.isAssignee && workable(task())}>
            <SubmitForm
              task={task()}
              onStale={props.onStale}
              onSubmitted={(submitted) => {
                props.onChange(submitted);
                toast(t("tasks.submitted", { reference: submitted.reference }));
                focusStatus();
              }}
            />
          </Show>

          <Show when={props.canReview && task().status === "in_qa"}>
            <ReviewForm
              task={task()}
              onStale={props.onStale}
              onReviewed={(reviewed, decision) => {
                props.onChange(reviewed);
                toast(decision === "approve" ? t("qa.approved", { reference: reviewed.reference }) : t("qa.returned", { reference: reviewed.reference }));
                focusStatus();
              }}
            />
          </Show>
        </div>

        <div class="stack">
          <Show when={props.isAssignee || props.isOwner}>
            <TaskTimer taskId={task().id} done={task().status === "done"} />
          </Show>
          <Show when={task().review}>
            {(review) => (
              <section class="card" aria-labelledby="last-review-title" data-testid="last-review">
                <h2 id="last-review-title">{t("qa.lastReview")}</h2>
                <p>
                  <Badge tone={review().decision === "approve" ? "success" : "danger"}>
                    {review().decision === "approve" ? t("qa.decisionApprove") : t("qa.decisionReturn")}
                  </Badge>{" "}
                  {t("qa.scoreOf", { score: review().rubric })}
                </p>
                <Show when={review().notes}>
                  <p class="prewrap">{review().notes}</p>
                </Show>
                <p class="muted small">
                  {t("qa.reviewedByOn", { name: review().by.name, date: formatDateTime(review().at) })}
                  <Show when={task().qaReturns > 0}> · {t("qa.returnsCount", { count: task().qaReturns })}</Show>
                </p>
              </section>
            )}
          </Show>
          <Show when={task().clientDecision}>
            {(decision) => (
              <section class="card" aria-labelledby="client-decision-title">
                <h2 id="client-decision-title">{t("tasks.clientDecision")}</h2>
                <p>
                  <Badge tone={decision().decision === "approve" ? "success" : "warning"}>
                    {decision().decision === "approve" ? t("tasks.clientApproved") : t("tasks.clientRevision")}
                  </Badge>{" "}
                  <span class="muted small">
                    {decision().by.name} · {formatDateTime(decision().at)}
                  </span>
                </p>
                <Show when={decision().comment}>
                  <p class="prewrap">{decision().comment}</p>
                </Show>
              </section>
            )}
          </Show>
          <section class="card" aria-labelledby="assignments-title">
            <h2 id="assignments-title">{t("tasks.assignments")}</h2>
            <Show when={task().assignmentHistory.length} fallback={<p class="muted">{t("tasks.noAssignments")}</p>}>
              <ol class="timeline">
                <For each={[...task().assignmentHistory].reverse()}>
                  {(entry) => (
                    <li class="timeline-entry">
                      <time class="muted small" datetime={entry.at}>
                        {formatDateTime(entry.at)}
                      </time>
                      <span>
                        {entry.name} <span class="muted small">{t("tasks.assignedBy", { name: entry.by.name })}</span>
                      </span>
                    </li>
                  )}
                </For>
              </ol>
            </Show>
          </section>
        </div>
      </div>
    </>
  );
}

/** The form that had focus is gone once the task moved on; focus the sentence saying what happens next. */
const focusStatus = () => requestAnimationFrame(() => document.getElementById("task-status")?.focus());

/** What happens next, in one sentence, and what QA or the client asked for when it came back. */
function StatusNotice(props: { task: WorkTask; isAssignee: boolean }) {
  const returnedBy = () => {
    const review = props.task.review?.decision === "return" ? props.task.review : null;
    const client = props.task.clientDecision?.decision === "revision" ? props.task.clientDecision : null;
    if (review && client) return Date.parse(client.at) > Date.parse(review.at) ? "client" : "qa";
    return client ? "client" : review ? "qa" : null;
  };
  return (
    <Show
      when={props.task.status === "returned"}
      fallback={
        <Show when={props.task.status === "in_qa" || props.task.status === "client_review" || props.task.status === "done" || props.task.status === "todo"}>
          <p class="notice status-notice" role="status" id="task-status" tabindex="-1">
            {t(`tasks.next.${props.task.status as "in_qa" | "client_review" | "done" | "todo"}`)}
          </p>
        </Show>
      }
    >
      <div class="notice notice-warning status-notice" role="status" id="task-status" tabindex="-1" data-testid="returned-notice">
        <p class="notice-title">{returnedBy() === "client" ? t("tasks.returnedByClient") : t("tasks.returnedByQa")}</p>
        <Show when={returnedBy() === "client" ? props.task.clientDecision?.comment : props.task.review?.notes}>
          {(text) => <p class="prewrap">{text()}</p>}
        </Show>
        <Show when={props.isAssignee}>
          <p class="small">{t("tasks.returnedHint")}</p>
        </Show>
      </div>
    </Show>
  );
}

function SopPanel(props: { detail: TaskDetail; task: WorkTask; editable: boolean; onChange: (task: WorkTask) => void; onStale: (error: unknown) => boolean }) {
  return (
    <section class="card" aria-labelledby="sop-title" data-testid="sop-panel">
      <Show
        when={props.detail.sop}
        fallback={
          <>
            <h2 id="sop-title">{t("tasks.sop")}</h2>
            <p class="muted">{t("tasks.noSop")}</p>
          </>
        }
      >
        {(sop) => (
          <>
            <div class="card-header">
              <h2 id="sop-title">{t("tasks.sopTitle", { title: sop().title, number: sop().number })}</h2>
              <A href={`/sops/${encodeURIComponent(sop().sopId)}?version=${sop().number}`} class="small">
                {t("tasks.openSop")}
              </A>
            </div>
            <p class="muted small">{t("tasks.sopPinned", { number: sop().number })}</p>
            <Show when={props.task.checklist.length}>
              <h3 class="subheading">{t("tasks.checklist")}</h3>
              <Checklist task={props.task} editable={props.editable} onChange={props.onChange} onStale={props.onStale} />
            </Show>
            <h3 class="subheading">{t("tasks.procedure")}</h3>
            {/* Rendered and sanitised by the API (no raw HTML, allow-listed URLs): safe as it is. */}
            <div class="prose" data-testid="sop-body" innerHTML={sop().bodyHtml} />
          </>
        )}
      </Show>
    </section>
  );
}
