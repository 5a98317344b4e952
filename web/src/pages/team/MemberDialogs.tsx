import { api, conflictCurrent, isApiError } from "@baton/ui/api";
import { Button } from "@baton/ui/Button";
import { Dialog } from "@baton/ui/Dialog";
import { createSubmission, Form, FormActions, type Submission } from "@baton/ui/Form";
import { t } from "@baton/ui/i18n";
import { CurrencySelect, TimeZoneSelect } from "@baton/ui/Select";
import { useSession } from "@baton/ui/session";
import { TagInput } from "@baton/ui/TagInput";
import { TextField } from "@baton/ui/TextField";
import type { Member } from "@baton/ui/types";
import { createEffect, createMemo, createSignal, on, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { fieldError } from "../time/format";
import { Money } from "@baton/ui/money";

type Values = { name: string; skills: string[]; timeZone: string; weeklyCapacityHours: string };

function MemberFields(props: { values: Values; set: (patch: Partial<Values>) => void; submission: Submission }) {
  const s = props.submission;
  return (
    <>
      <TextField
        label={t("field.name")}
        name="name"
        required
        autocomplete="off"
        value={props.values.name}
        onValue={(name) => props.set({ name })}
        error={s.fieldError("name")}
      />
      <TagInput
        label={t("field.skills")}
        name="skills"
        value={props.values.skills}
        onValue={(skills) => props.set({ skills })}
        error={s.fieldError("skills")}
      />
      <div class="field-row">
        <TimeZoneSelect
          name="timeZone"
          value={props.values.timeZone}
          onValue={(timeZone) => props.set({ timeZone })}
          error={s.fieldError("timeZone")}
        />
        <TextField
          label={t("field.capacity")}
          name="weeklyCapacityHours"
          type="number"
          inputmode="decimal"
          min="0"
          max="168"
          step="0.5"
          required
          value={props.values.weeklyCapacityHours}
          onValue={(weeklyCapacityHours) => props.set({ weeklyCapacityHours })}
          error={s.fieldError("weeklyCapacityHours")}
        />
      </div>
    </>
  );
}

const toHours = (value: string) => Number(value.replace(",", "."));

export function InviteMemberDialog(props: {
  open: boolean;
  defaultTimeZone: string;
  onClose: () => void;
  onInvited: (member: Member) => void;
}) {
  return (
    <Dialog open={props.open} title={t("team.inviteTitle")} description={t("team.inviteIntro")} onClose={props.onClose} wide>
      <InviteForm {...props} />
    </Dialog>
  );
}

function InviteForm(props: { defaultTimeZone: string; onClose: () => void; onInvited: (member: Member) => void }) {
  const [email, setEmail] = createSignal("");
  const [values, setValues] = createStore<Values>({
    name: "",
    skills: [],
    timeZone: props.defaultTimeZone,
    weeklyCapacityHours: "40",
  });
  const submission = createSubmission();
  const submit = () =>
    submission.run(async () => {
      const member = await api.members.create({
        email: email().trim(),
        name: values.name.trim(),
        skills: [...values.skills],
        timeZone: values.timeZone,
        weeklyCapacityHours: toHours(values.weeklyCapacityHours),
      });
      props.onInvited(member);
    });
  return (
    <Form submission={submission} onSubmit={submit} aria-label={t("team.inviteTitle")}>
      <TextField
        label={t("field.email")}
        name="email"
        type="email"
        required
        autocomplete="off"
        value={email()}
        onValue={setEmail}
        error={submission.fieldError("email")}
      />
      <MemberFields values={values} set={setValues} submission={submission} />
      <FormActions>
        <Button onClick={() => props.onClose()}>{t("common.cancel")}</Button>
        <Button type="submit" variant="primary" pending={submission.pending()}>
          {t("team.sendInvite")}
        </Button>
      </FormActions>
    </Form>
  );
}

export function EditMemberDialog(props: {
  member: Member | undefined;
  onClose: () => void;
  onSaved: (member: Member) => void;
  /** Someone else saved first: show their version (and keep the dialog open). */
  onConflict: (current: Member) => void;
}) {
  const [conflicted, setConflicted] = createSignal(false);
  // A memo, so swapping in the reloaded member (same dialog, still open) keeps the notice.
  const isOpen = createMemo(() => !!props.member);
  createEffect(on(isOpen, () => setConflicted(false)));
  return (
    <Dialog open={!!props.member} title={t("team.editTitle")} onClose={props.onClose} wide>
      <Show when={conflicted()}>
        <p class="notice notice-warning" role="alert">
          {t("common.conflict")}
        </p>
      </Show>
      {/* Keyed: a reloaded member (after a conflict) resets the fields to the latest values. */}
      <Show when={props.member} keyed>
        {(member) => (
          <EditForm
            member={member}
            onClose={props.onClose}
            onSaved={props.onSaved}
            onConflict={(current) => {
              setConflicted(true);
              props.onConflict(current);
            }}
          />
        )}
      </Show>
    </Dialog>
  );
}

function EditForm(props: {
  member: Member;
  onClose: () => void;
  onSaved: (member: Member) => void;
  onConflict: (current: Member) => void;
}) {
  const [values, setValues] = createStore<Values>({
    name: props.member.name,
    skills: [...props.member.skills],
    timeZone: props.member.timeZone,
    weeklyCapacityHours: String(props.member.weeklyCapacityHours),
  });
  const submission = createSubmission();
  // Cost rate: owner only, in the currency the member is paid in (the agency's unless chosen),
  // sent as minor units (or null for none); payouts are stated in it.
  const { me } = useSession();
  const [currency, setCurrency] = createSignal(props.member.costCurrency ?? me().agency.currency);
  const [costRate, setCostRate] = createSignal(props.member.costRate === null ? "" : Money.toMajorString(props.member.costRate, currency()));
  const submit = () =>
    submission.run(async () => {
      const rate = costRate().trim() ? Money.parseMajor(costRate(), currency()) : null;
      if (rate === undefined) throw fieldError("costRate", t("time.costRateInvalid"));
      try {
        const member = await api.members.update(props.member.id, {
          ...(me().role === "owner" ? { costRate: rate, costCurrency: currency() === me().agency.currency ? null : currency() } : {}),
          version: props.member.version,
          name: values.name.trim(),
          skills: [...values.skills],
          timeZone: values.timeZone,
          weeklyCapacityHours: toHours(values.weeklyCapacityHours),
        });
        props.onSaved(member);
      } catch (e) {
        if (!isApiError(e) || e.status !== 409) throw e;
        props.onConflict(conflictCurrent<Member>(e) ?? (await api.members.get(props.member.id)));
      }
    });
  return (
    <Form submission={submission} onSubmit={submit} aria-label={t("team.editTitle")}>
      <p class="muted">{props.member.email}</p>
      <MemberFields values={values} set={setValues} submission={submission} />
      <Show when={me().role === "owner"}>
        <CurrencySelect label={t("time.costCurrency")} name="costCurrency" value={currency()} onValue={setCurrency} error={submission.fieldError("costCurrency")} />
        <TextField
          label={t("time.costRate", { currency: currency() })}
          name="costRate"
          inputmode="decimal"
          autocomplete="off"
          hint={t("time.costRateHint")}
          value={costRate()}
          onValue={setCostRate}
          error={submission.fieldError("costRate")}
        />
      </Show>
      <FormActions>
        <Button onClick={() => props.onClose()}>{t("common.cancel")}</Button>
        <Button type="submit" variant="primary" pending={submission.pending()}>
          {t("common.save")}
        </Button>
      </FormActions>
    </Form>
  );
}
