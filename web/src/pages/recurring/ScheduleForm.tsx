import { DateField } from "@baton/ui/DatePicker";
import { todayIn } from "@baton/kernel/dates";
import { api, ApiError, conflictCurrent } from "@baton/ui/api";
import { Button } from "@baton/ui/Button";
import { createSubmission, Form, FormActions } from "@baton/ui/Form";
import { t, viewerTimeZone } from "@baton/ui/i18n";
import { Select } from "@baton/ui/Select";
import { TextArea, TextField } from "@baton/ui/TextField";
import type { Schedule, ScheduleInput, ScheduleRule } from "@baton/ui/types";
import { createAsync, revalidate } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { SopSelect } from "../../components/SopSelect";
import { getAllClients } from "../clients/data";
import { getPackages } from "../packages/data";
import { getMembers } from "../team/data";
import { ruleKinds, scheduleKeys, weekdays } from "./data";

type Values = {
  clientId: string;
  title: string;
  description: string;
  serviceId: string;
  sopId: string;
  rule: ScheduleRule;
  days: number[];
  dayOfMonth: string;
  time: string;
  startDate: string;
  endDate: string;
  estimateHours: string;
  assigneeId: string;
};

function valuesOf(schedule: Schedule | undefined, clientId: string | undefined): Values {
  return {
    clientId: schedule?.clientId ?? clientId ?? "",
    title: schedule?.title ?? "",
    description: schedule?.description ?? "",
    serviceId: schedule?.serviceId ?? "",
    sopId: schedule?.sopIds[0] ?? "",
    rule: schedule?.rule ?? "weekly",
    days: [...(schedule?.days ?? [1])],
    dayOfMonth: schedule?.dayOfMonth ? String(schedule.dayOfMonth) : "1",
    time: schedule?.time ?? "09:00",
    startDate: schedule?.startDate ?? todayIn(viewerTimeZone()),
    endDate: schedule?.endDate ?? "",
    estimateHours: String(schedule?.estimateHours ?? 1),
    assigneeId: schedule?.assigneeId ?? "",
  };
}

/** The typed values as the API's input; a number that isn't one is shown as the API's field errors are. */
function toInput(values: Values): ScheduleInput {
  const fields: Record<string, string> = {};
  const estimate = Number(values.estimateHours.replace(",", "."));
  if (!values.estimateHours.trim() || !Number.isFinite(estimate)) fields.estimateHours = t("recurring.estimateInvalid");
  if (Object.keys(fields).length) throw new ApiError(400, "validation_failed", "", fields);
  return {
    clientId: values.clientId,
    title: values.title.trim(),
    description: values.description.trim(),
    ...(values.serviceId ? { serviceId: values.serviceId } : {}),
    sopIds: !values.serviceId && values.sopId ? [values.sopId] : [],
    rule: values.rule,
    days: values.rule === "weekly" ? values.days : [],
    ...(values.rule === "monthly" ? { dayOfMonth: Number(values.dayOfMonth) } : {}),
    time: values.time,
    startDate: values.startDate,
    ...(values.endDate ? { endDate: values.endDate } : {}),
    estimateHours: estimate,
    ...(values.assigneeId ? { assigneeId: values.assigneeId } : {}),
  };
}

/** Adds a schedule (for `clientId` when given), or edits `schedule` from the version read; a 409 keeps what was typed. */
export function ScheduleForm(props: { schedule?: Schedule; clientId?: string | undefined; onSaved: (saved: Schedule) => void; onClose: () => void }) {
  const [values, setValues] = createStore<Values>(valuesOf(props.schedule, props.clientId));
  const [conflict, setConflict] = createSignal<Schedule>();
  const clients = createAsync(() => getAllClients());
  const services = createAsync(() => getPackages("active"));
  const members = createAsync(() => getMembers());
  const submission = createSubmission();
  const submit = () =>
    submission.run(async () => {
      const input = toInput(values);
      const editing = props.schedule;
      if (!editing) return props.onSaved(await api.schedules.create(input));
      const { clientId: _client, ...patch } = input;
      try {
        const saved = await api.schedules.update(editing.id, {
          ...patch,
          serviceId: input.serviceId ?? null,
          dayOfMonth: input.dayOfMonth ?? null,
          endDate: input.endDate ?? null,
          assigneeId: input.assigneeId ?? null,
          version: conflict()?.version ?? editing.version,
        });
        setConflict(undefined);
        props.onSaved(saved);
      } catch (e) {
        const current = conflictCurrent<Schedule>(e);
        if (!current) throw e;
        setConflict(current);
        void revalidate(scheduleKeys);
      }
    });
  const toggleDay = (day: number, on: boolean) => setValues("days", (days) => (on ? [...days, day].sort() : days.filter((d) => d !== day)));
  return (
    <Form submission={submission} onSubmit={submit} aria-label={props.schedule ? t("recurring.editTitle") : t("recurring.newTitle")} data-testid="schedule-form">
      <Show when={conflict()}>
        <p class="notice notice-warning" role="alert">
          {t("recurring.conflict")}
        </p>
      </Show>
      <Show when={!props.schedule && !props.clientId}>
        <Select
          label={t("recurring.client")}
          name="clientId"
          required
          options={[{ value: "", label: "" }, ...(clients() ?? []).map((client) => ({ value: client.id, label: client.name }))]}
          value={values.clientId}
          onValue={(clientId) => setValues({ clientId })}
          error={submission.fieldError("clientId")}
        />
      </Show>
      <TextField label={t("recurring.titleField")} name="title" required autocomplete="off" maxlength={150} value={values.title} onValue={(title) => setValues({ title })} error={submission.fieldError("title")} />
      <TextArea label={t("recurring.description")} name="description" rows={2} maxlength={10000} value={values.description} onValue={(description) => setValues({ description })} error={submission.fieldError("description")} />
      <Select
        label={t("recurring.service")}
        name="serviceId"
        hint={t("recurring.serviceHint")}
        options={[{ value: "", label: t("recurring.noService") }, ...(services()?.items ?? []).map((service) => ({ value: service.id, label: service.name }))]}
        value={values.serviceId}
        onValue={(serviceId) => setValues({ serviceId })}
        error={submission.fieldError("serviceId")}
      />
      <Show when={!values.serviceId}>
        <SopSelect name="sopIds.0" value={values.sopId} onValue={(sopId) => setValues({ sopId })} error={submission.fieldError("sopIds.0")} />
      </Show>
      <div class="field-row">
        <Select
          label={t("recurring.rule")}
          name="rule"
          options={ruleKinds.map((rule) => ({ value: rule, label: t(`recurring.rule.${rule}`) }))}
          value={values.rule}
          onValue={(rule) => setValues({ rule: rule as ScheduleRule })}
          error={submission.fieldError("rule")}
        />
        <Show when={values.rule === "monthly"}>
          <TextField
            label={t("recurring.dayOfMonth")}
            name="dayOfMonth"
            type="number"
            min={1}
            max={31}
            inputmode="numeric"
            hint={t("recurring.dayOfMonthHint")}
            value={values.dayOfMonth}
            onValue={(dayOfMonth) => setValues({ dayOfMonth })}
            error={submission.fieldError("dayOfMonth")}
          />
        </Show>
      </div>
      <Show when={values.rule === "weekly"}>
        <fieldset class="checklist-editor" data-testid="schedule-days">
          <legend class="field-label">{t("recurring.days")}</legend>
          <div class="chips">
            <For each={weekdays}>
              {(day) => (
                <label class="chip">
                  <input type="checkbox" name="days" value={day} checked={values.days.includes(day)} onChange={(e) => toggleDay(day, e.currentTarget.checked)} /> {t(`recurring.day.${day}`)}
                </label>
              )}
            </For>
          </div>
          <Show when={submission.fieldError("days")}>{(message) => <p class="field-error">{message()}</p>}</Show>
        </fieldset>
      </Show>
      <div class="field-row">
        <TextField label={t("recurring.time")} name="time" type="time" required hint={t("recurring.timeHint")} value={values.time} onValue={(time) => setValues({ time })} error={submission.fieldError("time")} />
        <TextField label={t("recurring.estimate")} name="estimateHours" inputmode="decimal" autocomplete="off" value={values.estimateHours} onValue={(estimateHours) => setValues({ estimateHours })} error={submission.fieldError("estimateHours")} />
      </div>
      <div class="field-row">
        <DateField label={t("recurring.startDate")} name="startDate" required value={values.startDate} onValue={(startDate) => setValues({ startDate })} error={submission.fieldError("startDate")} />
        <DateField label={t("recurring.endDate")} name="endDate" value={values.endDate} onValue={(endDate) => setValues({ endDate })} error={submission.fieldError("endDate")} />
      </div>
      <Select
        label={t("recurring.assignee")}
        name="assigneeId"
        options={[{ value: "", label: t("recurring.noAssignee") }, ...(members()?.items ?? []).filter((m) => m.status !== "removed").map((member) => ({ value: member.id, label: member.name }))]}
        value={values.assigneeId}
        onValue={(assigneeId) => setValues({ assigneeId })}
        error={submission.fieldError("assigneeId")}
      />
      <FormActions>
        <Button onClick={() => props.onClose()}>{t("common.cancel")}</Button>
        <Button type="submit" variant="primary" pending={submission.pending()}>
          {props.schedule ? t("recurring.save") : t("recurring.create")}
        </Button>
      </FormActions>
    </Form>
  );
}
