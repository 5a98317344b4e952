import { LinkList } from "@baton/ui/LinkList";
import { OtherPartyTime } from "@baton/ui/OtherPartyTime";
import { api, isApiError } from "@baton/ui/api";
import { Button } from "@baton/ui/Button";
import { ConfirmDialog, Dialog } from "@baton/ui/Dialog";
import { EmptyState } from "@baton/ui/EmptyState";
import { ErrorMessage } from "@baton/ui/ErrorMessage";
import { createSubmission, Form, FormActions } from "@baton/ui/Form";
import { formatDateTime, t } from "@baton/ui/i18n";
import { useSession } from "@baton/ui/session";
import { TextArea } from "@baton/ui/TextField";
import { toast } from "@baton/ui/Toast";
import type { ClientTask, FileView, RequestStatus } from "@baton/ui/types";
import { FileList } from "@baton/ui/FileList";
import { createSignal, For, Show } from "solid-js";
import { TaskStatusBadge } from "./shared";

type Props = { requestStatus: RequestStatus; tasks: ClientTask[]; files: FileView[]; onChanged: () => Promise<unknown> };

/**
 * A stale version (someone else acted first) or a move the task no longer allows: both 409.
 * The API's `current` is not shown: the refetched request is the client's view of it.
 */
const isConflict = (error: unknown) => isApiError(error) && error.status === 409;

/** The work planned from a request; what QA passed waits here for the client's decision. */
export function Deliverables(props: Props) {
  let heading!: HTMLHeadingElement;
  const [approving, setApproving] = createSignal<ClientTask>();
  const [revising, setRevising] = createSignal<ClientTask>();
  /** The task whose action hit a conflict; the notice stays beside it after the refetch. */
  const [conflicted, setConflicted] = createSignal<string>();
  const approval = createSubmission();

  /** Refetches and puts focus back on the section: the buttons acted on are gone now. */
  async function settle() {
    await props.onChanged();
    heading?.focus();
  }

  async function conflict(task: ClientTask) {
    setApproving(undefined);
    setRevising(undefined);
    setConflicted(task.id);
    await settle();
  }

  const approve = (task: ClientTask) =>
    approval.run(async () => {
      setConflicted(undefined);
      try {
        await api.tasks.approve(task.id, task.version);
      } catch (e) {
        if (!isConflict(e)) throw e;
        await conflict(task);
        return;
      }
      setApproving(undefined);
      toast(t("portal.deliverable.approved", { title: task.title }));
      await settle();
    });

  return (
    <Show
      when={props.tasks.length > 0}
      fallback={
        <Show when={props.requestStatus !== "completed"}>
          <section class="card" aria-labelledby="deliverables-title">
            <h2 id="deliverables-title">{t("portal.deliverables.title")}</h2>
            <EmptyState title={t("portal.deliverables.none")}>
              {props.requestStatus === "declined" ? t("portal.deliverables.noneDeclined") : t("portal.deliverables.noneSubmitted")}
            </EmptyState>
          </section>
        </Show>
      }
    >
      <section class="card" aria-labelledby="deliverables-title">
        <h2 id="deliverables-title" ref={heading} tabindex="-1">
          {t("portal.deliverables.title")}
        </h2>
        <Show when={props.tasks.some((task) => task.status === "client_review")}>
          <p class="muted small">{t("portal.deliverables.intro")}</p>
        </Show>
        <ul class="deliverables">
          <For each={props.tasks}>
            {(task) => (
              <Deliverable
                task={task}
                files={props.files.filter((file) => file.place === "deliverable" && file.attachedTo === task.id)}
                conflicted={conflicted() === task.id}
                onApprove={() => {
                  approval.clear();
                  setApproving(task);
                }}
                onRevise={() => setRevising(task)}
              />
            )}
          </For>
        </ul>
      </section>
      <ConfirmDialog
        open={!!approving()}
        title={t("portal.deliverable.approveTitle")}
        message={t("portal.deliverable.approveBody", { title: approving()?.title ?? "" })}
        confirmLabel={t("portal.deliverable.approve")}
        pending={approval.pending()}
        error={<ErrorMessage error={approval.error()} />}
        onConfirm={() => {
          const task = approving();
          if (task) void approve(task);
        }}
        onClose={() => setApproving(undefined)}
      />
      <Dialog
        open={!!revising()}
        title={t("portal.deliverable.reviseTitle")}
        description={t("portal.deliverable.reviseIntro", { title: revising()?.title ?? "" })}
        onClose={() => setRevising(undefined)}
      >
        <Show when={revising()}>
          {(task) => (
            <RevisionForm
              task={task()}
              onClose={() => setRevising(undefined)}
              onConflict={() => conflict(task())}
              onSent={async () => {
                setConflicted(undefined);
                setRevising(undefined);
                toast(t("portal.deliverable.revisionSent", { title: task().title }));
                await settle();
              }}
            />
          )}
        </Show>
      </Dialog>
    </Show>
  );
}

function Deliverable(props: { task: ClientTask; files: FileView[]; conflicted: boolean; onApprove: () => void; onRevise: () => void }) {
  const { me } = useSession();
  const tz = () => me().timeZone;
  const task = () => props.task;
  const decision = () => task().clientDecision;
  const titleId = `deliverable-${task().id}`;
  return (
    <li class="deliverable" classList={{ "deliverable-attention": task().status === "client_review" }} data-testid="deliverable" data-status={task().status}>
      <article aria-labelledby={titleId}>
        <div class="deliverable-head">
          <h3 id={titleId}>{task().title}</h3>
          <span class="header-meta">
            <code>{task().reference}</code>
            <TaskStatusBadge status={task().status} />
          </span>
        </div>
        <Show when={props.conflicted}>
          <p class="notice notice-warning" role="alert">
            {t("portal.deliverable.conflict")}
          </p>
        </Show>
        <Show
          when={task().deliverable}
          fallback={
            <p class="muted">
              {t("portal.deliverable.working")} {t("portal.deliverable.due", { date: formatDateTime(task().dueAt, tz()) })}
              <OtherPartyTime at={task().dueAt} timeZone={me().agency.timeZone} name={me().agency.name} viewerTimeZone={tz()} />
            </p>
          }
        >
          {(delivered) => (
            <div class="deliverable-body">
              <div class="prose-text">{delivered().text}</div>
              <Show when={delivered().links.length > 0}>
                <LinkList links={delivered().links} />
              </Show>
              <Show when={props.files.length > 0}>
                <h4 class="subheading">{t("portal.deliverable.files")}</h4>
                <FileList
                  files={[...props.files].sort((a, b) => (b.round ?? 0) - (a.round ?? 0))}
                  label={t("portal.deliverable.files")}
                  detail={(file) => (file.round && file.round !== delivered().round ? t("files.round", { number: file.round }) : undefined)}
                />
              </Show>
              <p class="cell-sub">
                <time datetime={delivered().submittedAt}>
                  {t("portal.deliverable.deliveredAt", { date: formatDateTime(delivered().submittedAt, tz()) })}
                </time>
              </p>
            </div>
          )}
        </Show>
        <Show when={decision()}>
          {(d) => (
            <Show
              when={d().decision === "approve"}
              fallback={
                <Show when={task().status !== "done"}>
                  <div class="decision" data-testid="revision-asked">
                    <p>{t("portal.deliverable.revisionAsked", { name: d().by.name, date: formatDateTime(d().at, tz()) })}</p>
                    <blockquote class="quote">{d().comment}</blockquote>
                  </div>
                </Show>
              }
            >
              <p class="decision decision-approved" data-testid="approved-by">
                <span aria-hidden="true">✓ </span>
                {t("portal.deliverable.approvedBy", { name: d().by.name, date: formatDateTime(d().at, tz()) })}
              </p>
            </Show>
          )}
        </Show>
        {/* The buttons are the task's `can` (the API's policy): an inactive client's contact, say, gets none. */}
        <Show when={task().can.includes("client_approve") || task().can.includes("client_revision")}>
          <div class="deliverable-actions">
            <Show when={task().can.includes("client_approve")}>
              <Button variant="primary" aria-label={t("portal.deliverable.approveNamed", { title: task().title })} onClick={() => props.onApprove()}>
                {t("portal.deliverable.approve")}
              </Button>
            </Show>
            <Show when={task().can.includes("client_revision")}>
              <Button aria-label={t("portal.deliverable.reviseNamed", { title: task().title })} onClick={() => props.onRevise()}>
                {t("portal.deliverable.revise")}
              </Button>
            </Show>
          </div>
        </Show>
      </article>
    </li>
  );
}

function RevisionForm(props: { task: ClientTask; onClose: () => void; onConflict: () => Promise<void>; onSent: () => Promise<void> }) {
  const [comment, setComment] = createSignal("");
  const submission = createSubmission();
  const submit = () =>
    submission.run(async () => {
      try {
        await api.tasks.revision(props.task.id, props.task.version, comment().trim());
      } catch (e) {
        if (!isConflict(e)) throw e;
        await props.onConflict();
        return;
      }
      await props.onSent();
    });
  return (
    <Form submission={submission} onSubmit={submit} aria-label={t("portal.deliverable.reviseTitle")}>
      <TextArea
        label={t("portal.deliverable.comment")}
        name="comment"
        required
        rows={5}
        maxlength={5000}
        value={comment()}
        onValue={setComment}
        error={submission.fieldError("comment")}
      />
      <FormActions>
        <Button onClick={() => props.onClose()}>{t("common.cancel")}</Button>
        <Button type="submit" variant="primary" pending={submission.pending()}>
          {t("portal.deliverable.reviseSubmit")}
        </Button>
      </FormActions>
    </Form>
  );
}
