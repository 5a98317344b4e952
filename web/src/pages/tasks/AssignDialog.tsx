import { api, conflictCurrent } from "@baton/ui/api";
import { Badge } from "@baton/ui/Badge";
import { Boundary } from "@baton/ui/Boundary";
import { Button } from "@baton/ui/Button";
import { Dialog } from "@baton/ui/Dialog";
import { EmptyState } from "@baton/ui/EmptyState";
import { ErrorMessage } from "@baton/ui/ErrorMessage";
import { createSubmission } from "@baton/ui/Form";
import { formatNumber, t } from "@baton/ui/i18n";
import type { Candidate, WorkTask } from "@baton/ui/types";
import { createAsync } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { formatMinutes } from "@baton/ui/time";
import { formatHours, formatPercent } from "../../lib/time";

export function AssignDialog(props: { open: boolean; task: WorkTask; onClose: () => void; onAssigned: (task: WorkTask) => void; onStale: (task: WorkTask) => void }) {
  return (
    <Dialog
      open={props.open}
      title={t("tasks.assignTitle", { reference: props.task.reference })}
      description={t("tasks.assignIntro")}
      onClose={props.onClose}
      wide
    >
      <Candidates {...props} />
    </Dialog>
  );
}

function Candidates(props: { task: WorkTask; onClose: () => void; onAssigned: (task: WorkTask) => void; onStale: (task: WorkTask) => void }) {
  // Fresh every time the dialog opens: capacity changes with every assignment.
  const candidates = createAsync(() => api.tasks.candidates(props.task.id));
  const submission = createSubmission();
  const [choosing, setChoosing] = createSignal<string>();
  const [stale, setStale] = createSignal(false);

  const assign = (candidate: Candidate) => {
    setChoosing(candidate.member.id);
    setStale(false);
    void submission
      .run(async () => {
        try {
          props.onAssigned((await api.tasks.assign(props.task.id, props.task.version, candidate.member.id)).task);
        } catch (e) {
          const current = conflictCurrent<WorkTask>(e);
          if (current) {
            setStale(true);
            props.onStale(current);
          }
          throw e;
        }
      })
      .finally(() => setChoosing(undefined));
  };

  return (
    <div class="candidates-panel">
      <Show when={stale()}>
        <p class="notice notice-warning">{t("tasks.staleNotice")}</p>
      </Show>
      <ErrorMessage error={submission.error()} />
      <Boundary>
        <Show when={candidates()?.items.length} fallback={<EmptyState title={t("tasks.noCandidates")}>{t("tasks.noCandidatesBody")}</EmptyState>}>
          <ol class="candidates" aria-label={t("tasks.candidates")}>
            <For each={candidates()?.items}>
              {(candidate, index) => {
                const current = () => props.task.assignee?.id === candidate.member.id;
                return (
                  <li class="candidate" data-testid="candidate-row" data-member={candidate.member.id}>
                    <div class="candidate-main">
                      <div class="candidate-name">
                        <span class="cell-title">{candidate.member.name}</span>
                        <Show when={index() === 0}>
                          <Badge tone="info">{t("tasks.bestMatch")}</Badge>
                        </Show>
                        <Show when={candidate.fits} fallback={<Badge tone="warning">{t("tasks.tight")}</Badge>}>
                          <Badge tone="success">{t("tasks.fits")}</Badge>
                        </Show>
                      </div>
                      <div class="cell-sub">
                        {candidate.member.role === "owner" ? t("role.owner") : t("role.subcontractor")} · {candidate.member.timeZone.replaceAll("_", " ")}
                      </div>
                      <dl class="candidate-facts">
                        <div>
                          <dt>{t("tasks.score")}</dt>
                          <dd>
                            <meter min="0" max="1" low={0.5} high={0.75} optimum={1} value={candidate.score} aria-hidden="true" />{" "}
                            {formatNumber(Math.round(candidate.score * 100))}
                          </dd>
                        </div>
                        <div>
                          <dt>{t("tasks.skillMatch")}</dt>
                          <dd>
                            {formatPercent(candidate.skillMatch)}
                            <Show when={candidate.matchedSkills.length}>
                              <span class="muted"> ({candidate.matchedSkills.join(", ")})</span>
                            </Show>
                          </dd>
                        </div>
                        <div>
                          <dt>{t("tasks.thisWeek")}</dt>
                          <dd classList={{ "text-danger": candidate.remainingHours < 0 }}>
                            {t("tasks.hoursLeftOf", { left: formatHours(candidate.remainingHours, 1), capacity: formatHours(candidate.weeklyCapacityHours, 1) })}
                          </dd>
                        </div>
                        <div>
                          <dt>{t("tasks.beforeDue")}</dt>
                          <dd>{t("tasks.workingHours", { hours: formatHours(candidate.workingHoursBeforeDue, 1) })}</dd>
                        </div>
                        <div>
                          <dt>{t("tasks.firstPass")}</dt>
                          <dd>
                            <Show when={candidate.firstPassRate !== null} fallback={<span class="muted">{t("tasks.noQaYet")}</span>}>
                              {formatPercent(candidate.firstPassRate)}
                            </Show>
                          </dd>
                        </div>
                      </dl>
                      <p class="cell-sub candidate-hint">
                        {candidate.fits
                          ? t("tasks.fitsHint", { hours: formatMinutes(props.task.estimateMinutes) })
                          : t("tasks.tightHint", { hours: formatMinutes(props.task.estimateMinutes) })}
                      </p>
                    </div>
                    <div class="candidate-side">
                      <Show when={!current()} fallback={<Badge>{t("tasks.currentAssignee")}</Badge>}>
                        <Button
                          size="sm"
                          variant={index() === 0 ? "primary" : "secondary"}
                          aria-label={t("tasks.assignTo", { name: candidate.member.name })}
                          pending={choosing() === candidate.member.id}
                          disabled={!!choosing()}
                          onClick={() => assign(candidate)}
                        >
                          {t("tasks.assign")}
                        </Button>
                      </Show>
                    </div>
                  </li>
                );
              }}
            </For>
          </ol>
        </Show>
      </Boundary>
      <div class="form-actions">
        <Button onClick={() => props.onClose()}>{t("common.cancel")}</Button>
      </div>
    </div>
  );
}
