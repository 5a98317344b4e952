import { api, conflictCurrent, isApiError } from "@baton/ui/api";
import { Button } from "@baton/ui/Button";
import { Dialog } from "@baton/ui/Dialog";
import { createSubmission, Form, FormActions, type Submission } from "@baton/ui/Form";
import { t, timeZoneLabel, viewerTimeZone } from "@baton/ui/i18n";
import { TagInput } from "@baton/ui/TagInput";
import { TextArea, TextField } from "@baton/ui/TextField";
import type { RequestDetail, WorkRequest } from "@baton/ui/types";
import { createSignal, For, Show } from "solid-js";
import { createStore, produce } from "solid-js/store";
import { QuadrantBadge, quadrantOf } from "../../components/badges";
import { SopSelect } from "../../components/SopSelect";
import { dateAtTime, fromLocalInput, toLocalInput } from "../../lib/time";

type Row = {
  key: number;
  title: string;
  description: string;
  estimateHours: string;
  due: string;
  urgent: boolean;
  important: boolean;
  sopId: string;
  skills: string[];
};

const MAX_TASKS = 10;
let nextKey = 1;

/** The default due time: the client's desired date at 17:00 their time, else three days from now at 17:00. */
function defaultDue(detail: RequestDetail): string {
  const desired = detail.request.desiredDueDate;
  const iso = desired ? dateAtTime(desired, "17:00", detail.client.timeZone) : null;
  if (iso) return toLocalInput(iso);
  const inThreeDays = toLocalInput(new Date(Date.now() + 3 * 24 * 3600_000));
  return `${inThreeDays.slice(0, 10)}T17:00`;
}

export function AcceptDialog(props: { open: boolean; detail: RequestDetail; onClose: () => void; onAccepted: (detail: RequestDetail) => void; onStale: () => void }) {
  return (
    <Dialog open={props.open} title={t("requests.acceptTitle")} description={t("requests.acceptIntro")} onClose={props.onClose} wide>
      <AcceptForm {...props} />
    </Dialog>
  );
}

function AcceptForm(props: { detail: RequestDetail; onClose: () => void; onAccepted: (detail: RequestDetail) => void; onStale: () => void }) {
  const blank = (first: boolean): Row => ({
    key: nextKey++,
    title: first ? props.detail.request.title : "",
    description: first ? props.detail.request.description : "",
    estimateHours: "1",
    due: defaultDue(props.detail),
    urgent: props.detail.request.priority === "urgent",
    important: true,
    sopId: "",
    skills: [],
  });
  // A request for a catalog service starts from its SOPs: one task each, titled after it, with its checklist (via the SOP) and skill.
  const proposed = (): Row[] =>
    props.detail.proposal.map((task, index) => ({ ...blank(false), title: task.title, description: index === 0 ? props.detail.request.description : "", sopId: task.sopId, skills: [...task.skills] }));
  const [rows, setRows] = createStore<Row[]>(props.detail.proposal.length ? proposed() : [blank(true)]);
  const [stale, setStale] = createSignal(false);
  const submission = createSubmission();
  const listError = () => {
    const e = submission.error();
    return isApiError(e) ? e.fields["tasks"] : undefined;
  };

  const update = (index: number, patch: Partial<Row>) => setRows(index, patch);
  const add = () => {
    setRows(produce((list) => void list.push(blank(false))));
    // Focus the new task's title, so keyboard users continue where the new fields are.
    queueMicrotask(() => document.querySelector<HTMLInputElement>(`[data-plan="${rows[rows.length - 1]!.key}"] input[name$=".title"]`)?.focus());
  };
  const remove = (index: number) => {
    setRows(produce((list) => void list.splice(index, 1)));
    queueMicrotask(() => document.querySelector<HTMLButtonElement>("[data-add-task]")?.focus());
  };

  const submit = () =>
    submission.run(async () => {
      setStale(false);
      try {
        const accepted = await api.requests.accept(props.detail.request.id, {
          version: props.detail.request.version,
          tasks: rows.map((row) => ({
            title: row.title.trim(),
            description: row.description.trim(),
            estimateHours: Number(row.estimateHours.replace(",", ".")),
            // An unreadable date goes as "", which the API answers with the field's own message.
            dueAt: fromLocalInput(row.due) ?? "",
            urgent: row.urgent,
            important: row.important,
            ...(row.sopId ? { sopId: row.sopId } : {}),
            skills: [...row.skills],
          })),
        });
        props.onAccepted(accepted);
      } catch (e) {
        if (conflictCurrent<WorkRequest>(e)) {
          setStale(true);
          props.onStale();
        }
        throw e;
      }
    });

  return (
    <Form submission={submission} onSubmit={submit} aria-label={t("requests.acceptTitle")} data-testid="accept-form">
      <Show when={stale()}>
        <p class="notice notice-warning">{t("requests.staleNotice")}</p>
      </Show>
      <Show when={props.detail.proposal.length}>
        <p class="muted small" data-testid="proposal-note">
          {props.detail.request.brief
            ? t("requests.proposalNote", { name: props.detail.request.brief.name })
            : props.detail.request.serviceId
              ? t("requests.proposalNote", { name: props.detail.request.service })
              : t("requests.proposalNoteRecurring", { title: props.detail.request.title })}
        </p>
      </Show>
      <fieldset name="tasks" class="plain-fieldset">
        <legend class="sr-only">{t("requests.plannedTasks")}</legend>
        {/* A message about the plan as a whole ("at most 10 tasks"); task fields carry their own. */}
        <Show when={listError()}>
          <p class="field-error">{listError()}</p>
        </Show>
        <For each={rows}>
          {(row, index) => <PlanFields row={row} index={index()} count={rows.length} submission={submission} set={(patch) => update(index(), patch)} onRemove={() => remove(index())} />}
        </For>
      </fieldset>
      <div>
        <Button data-add-task size="sm" onClick={add} disabled={rows.length >= MAX_TASKS}>
          {t("requests.addTask")}
        </Button>
      </div>
      <FormActions>
        <Button onClick={() => props.onClose()}>{t("common.cancel")}</Button>
        <Button type="submit" variant="primary" pending={submission.pending()}>
          {t("requests.acceptSubmit", { count: rows.length })}
        </Button>
      </FormActions>
    </Form>
  );
}

function PlanFields(props: { row: Row; index: number; count: number; submission: Submission; set: (patch: Partial<Row>) => void; onRemove: () => void }) {
  const name = (field: string) => `tasks.${props.index}.${field}`;
  const error = (field: string) => props.submission.fieldError(name(field));
  const quadrant = () => quadrantOf(props.row);
  return (
    <fieldset class="task-plan" data-testid="task-plan" data-plan={props.row.key}>
      <legend>{t("requests.taskNumber", { number: props.index + 1 })}</legend>
      <Show when={props.count > 1}>
        <Button size="sm" variant="ghost" class="btn-danger-text task-plan-remove" onClick={() => props.onRemove()}>
          {t("requests.removeTask", { number: props.index + 1 })}
        </Button>
      </Show>
      <TextField
        label={t("work.taskTitle")}
        name={name("title")}
        required
        autocomplete="off"
        maxlength={150}
        value={props.row.title}
        onValue={(title) => props.set({ title })}
        error={error("title")}
      />
      <TextArea
        label={t("work.description")}
        name={name("description")}
        rows={3}
        value={props.row.description}
        onValue={(description) => props.set({ description })}
        error={error("description")}
      />
      <div class="field-row">
        <TextField
          label={t("work.estimateHours")}
          name={name("estimateHours")}
          type="number"
          inputmode="decimal"
          min="0.25"
          max="200"
          step="0.25"
          required
          value={props.row.estimateHours}
          onValue={(estimateHours) => props.set({ estimateHours })}
          error={error("estimateHours")}
        />
        <TextField
          label={t("work.dueAt")}
          name={name("dueAt")}
          type="datetime-local"
          required
          hint={t("work.yourZone", { zone: timeZoneLabel(viewerTimeZone()) })}
          value={props.row.due}
          onValue={(due) => props.set({ due })}
          error={error("dueAt")}
        />
      </div>
      <fieldset class="check-group">
        <legend class="field-label">{t("work.priority")}</legend>
        <div class="check-row">
          <label class="check">
            <input type="checkbox" name={name("urgent")} checked={props.row.urgent} onChange={(e) => props.set({ urgent: e.currentTarget.checked })} />
            {t("work.urgent")}
          </label>
          <label class="check">
            <input type="checkbox" name={name("important")} checked={props.row.important} onChange={(e) => props.set({ important: e.currentTarget.checked })} />
            {t("work.important")}
          </label>
          <span class="quadrant-preview" aria-live="polite">
            <QuadrantBadge quadrant={quadrant()} /> <span class="muted small">{t(`quadrantHint.${quadrant()}`)}</span>
          </span>
        </div>
      </fieldset>
      <SopSelect name={name("sopId")} value={props.row.sopId} onValue={(sopId) => props.set({ sopId })} error={error("sopId")} />
      <TagInput label={t("field.skills")} name={name("skills")} value={props.row.skills} onValue={(skills) => props.set({ skills })} error={error("skills")} />
    </fieldset>
  );
}
