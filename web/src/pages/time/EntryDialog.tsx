import { api, conflictCurrent, isApiError } from "@baton/ui/api";
import { Button } from "@baton/ui/Button";
import { Dialog } from "@baton/ui/Dialog";
import { createSubmission, Form, FormActions } from "@baton/ui/Form";
import { t, timeZoneLabel, viewerTimeZone } from "@baton/ui/i18n";
import { Select, type Option } from "@baton/ui/Select";
import { Loading } from "@baton/ui/Spinner";
import { useSession } from "@baton/ui/session";
import { TextArea, TextField } from "@baton/ui/TextField";
import type { TimeEntry } from "@baton/ui/types";
import { createAsync } from "@solidjs/router";
import { createSignal, Show, Suspense } from "solid-js";
import { createStore } from "solid-js/store";
import { fromLocalInput, toLocalInput } from "../../lib/time";
import { getMine } from "../tasks/data";
import { afterTimeChange } from "./data";
import { fieldError, minutesInput, parseMinutes } from "./format";

type Values = { target: string; startedAt: string; minutes: string; billable: boolean; note: string };

/** Logs time by hand (`entry` undefined) or corrects an entry, in the viewer's time zone. */
export function EntryDialog(props: { open: boolean; entry?: TimeEntry | undefined; onClose: () => void; onSaved: (entry: TimeEntry) => void }) {
  return (
    <Dialog
      open={props.open}
      title={props.entry ? t("time.editTitle") : t("time.logTitle")}
      description={t("time.logIntro", { zone: timeZoneLabel(viewerTimeZone()) })}
      onClose={props.onClose}
    >
      <EntryForm entry={props.entry} onClose={props.onClose} onSaved={props.onSaved} />
    </Dialog>
  );
}

function EntryForm(props: { entry?: TimeEntry | undefined; onClose: () => void; onSaved: (entry: TimeEntry) => void }) {
  const { me } = useSession();
  const isOwner = () => me().role === "owner";
  // Corrected after a conflict: the entry as someone else saved it.
  const [entry, setEntry] = createSignal(props.entry);
  const [conflicted, setConflicted] = createSignal(false);
  const initial = (from: TimeEntry | undefined): Values => ({
    target: "",
    startedAt: toLocalInput(from ? from.startedAt : new Date()),
    minutes: from ? minutesInput(from.minutes) : "",
    billable: from ? from.billable : true,
    note: from?.note ?? "",
  });
  const [values, setValues] = createStore<Values>(initial(props.entry));
  const submission = createSubmission();

  const submit = () =>
    submission.run(async () => {
      const minutes = parseMinutes(values.minutes);
      if (minutes === undefined) throw fieldError("minutes", t("time.minutesInvalid"));
      const startedAt = fromLocalInput(values.startedAt);
      if (!startedAt) throw fieldError("startedAt", t("time.startedAtInvalid"));
      const editing = entry();
      if (editing) {
        try {
          const saved = await api.time.update(editing.id, {
            version: editing.version,
            startedAt,
            minutes,
            billable: values.billable,
            note: values.note.trim() || null,
          });
          props.onSaved(saved);
        } catch (e) {
          // Invoiced meanwhile: the timesheet shows it locked behind the dialog's message.
          if (isApiError(e) && e.code === "time.locked") void afterTimeChange();
          const current = isApiError(e) && e.code === "conflict" ? conflictCurrent<TimeEntry>(e) : undefined;
          if (!current) throw e;
          setEntry(current);
          setValues(initial(current));
          setConflicted(true);
        }
        return;
      }
      const [kind, id] = values.target.split(":");
      if (!id) throw fieldError("taskId", t("time.targetRequired"));
      const saved = await api.time.create({
        ...(kind === "client" ? { clientId: id } : { taskId: id }),
        startedAt,
        minutes,
        billable: values.billable,
        ...(values.note.trim() ? { note: values.note.trim() } : {}),
      });
      props.onSaved(saved);
    });

  return (
    <Form submission={submission} onSubmit={submit} aria-label={entry() ? t("time.editTitle") : t("time.logTitle")} data-testid="time-entry-form">
      <Show when={conflicted()}>
        <p class="notice notice-warning" role="alert">
          {t("common.conflict")}
        </p>
      </Show>
      <Show
        when={entry()}
        fallback={
          // Its own Suspense: loading the choices must not blank the page behind the dialog.
          <Suspense fallback={<Loading />}>
            <TargetSelect owner={isOwner()} value={values.target} onValue={(target) => setValues({ target })} error={submission.fieldError("taskId") ?? submission.fieldError("clientId")} />
          </Suspense>
        }
      >
        {(editing) => <p class="muted">{editing().label}</p>}
      </Show>
      <div class="field-row">
        <TextField
          label={t("time.startedAt")}
          name="startedAt"
          type="datetime-local"
          required
          value={values.startedAt}
          onValue={(startedAt) => setValues({ startedAt })}
          error={submission.fieldError("startedAt")}
        />
        <TextField
          label={t("time.minutes")}
          name="minutes"
          inputmode="numeric"
          autocomplete="off"
          required
          hint={t("time.minutesHint")}
          value={values.minutes}
          onValue={(minutes) => setValues({ minutes })}
          error={submission.fieldError("minutes")}
        />
      </div>
      <label class="check">
        <input type="checkbox" name="billable" checked={values.billable} onChange={(e) => setValues({ billable: e.currentTarget.checked })} />
        <span>{t("time.billableLabel")}</span>
      </label>
      <TextArea label={t("time.noteLabel")} name="note" rows={2} maxLength={500} value={values.note} onValue={(note) => setValues({ note })} error={submission.fieldError("note")} />
      <FormActions>
        <Button onClick={() => props.onClose()}>{t("common.cancel")}</Button>
        <Button type="submit" variant="primary" pending={submission.pending()}>
          {entry() ? t("common.save") : t("time.log")}
        </Button>
      </FormActions>
    </Form>
  );
}

/** The viewer's open tasks, and for the owner also clients (time with no task). */
function TargetSelect(props: { owner: boolean; value: string; onValue: (value: string) => void; error: string | undefined }) {
  const tasks = createAsync(() => getMine());
  const clients = createAsync(() => (props.owner ? api.clients.list({ limit: 100 }) : Promise.resolve(undefined)));
  const options = (): Option[] => [
    { value: "", label: t("time.chooseTarget") },
    ...(tasks()?.items ?? []).map((task) => ({ value: `task:${task.id}`, label: `${task.reference} · ${task.title}` })),
    ...(clients()?.items ?? []).map((client) => ({ value: `client:${client.id}`, label: t("time.clientOption", { name: client.name }) })),
  ];
  return (
    <>
      <Select label={t("time.target")} name="taskId" required options={options()} value={props.value} onValue={props.onValue} error={props.error} />
      <Show when={tasks() && !tasks()!.items.length && !props.owner}>
        <p class="muted small">{t("time.noTasks")}</p>
      </Show>
    </>
  );
}
