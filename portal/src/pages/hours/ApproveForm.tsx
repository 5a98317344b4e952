import { Button } from "@baton/ui/Button";
import { createSubmission, Form, FormActions } from "@baton/ui/Form";
import { locale, t } from "@baton/ui/i18n";
import { TextField } from "@baton/ui/TextField";
import { formatMinutes } from "@baton/ui/time";
import type { HourBankConsent } from "@baton/ui/types";
import { createSignal, Show } from "solid-js";

// Approving more hours than the month holds (the agency's "ask first" rule): the hours, at most
// the agency's limit, and the typed name, under the statement the server keeps with them (text,
// name, time, IP, SHA-256). Shared by the emailed link's page and the portal's Hours page.

/** Hours as typed, in minutes; the text itself when it is no number, for the API to name. */
const minutesOf = (value: string): number => (value.trim() === "" || Number.isNaN(Number(value)) ? (value as unknown as number) : Math.round(Number(value) * 60));

export const hoursOf = (minutes: number) => new Intl.NumberFormat(locale(), { maximumFractionDigits: 2 }).format(minutes / 60);

export function ApproveForm(props: {
  maxMinutes: number;
  /** The statement for the most hours, as the server composes it (the page of a link); none on the Hours page. */
  statement?: string | undefined;
  send: (input: { fullName: string; minutes: number; locale: "en" | "el" | "hi" }) => Promise<HourBankConsent>;
  onDone: (done: HourBankConsent) => void;
}) {
  const [hours, setHours] = createSignal(hoursOf(props.maxMinutes).replace(",", "."));
  const [name, setName] = createSignal("");
  const submission = createSubmission();
  const submit = () =>
    submission.run(async () => {
      props.onDone(await props.send({ fullName: name(), minutes: minutesOf(hours()), locale: locale() }));
    });
  return (
    <Form submission={submission} onSubmit={submit} aria-label={t("portal.consent.pageTitle")} data-testid="approve-hours-form">
      <TextField
        label={t("portal.consent.hours")}
        hint={t("portal.consent.hoursHint", { max: formatMinutes(props.maxMinutes) })}
        name="minutes"
        type="number"
        inputmode="decimal"
        min={0}
        step="any"
        required
        value={hours()}
        onValue={setHours}
        error={submission.fieldError("minutes")}
      />
      <Show when={props.statement}>
        {(text) => (
          <div class="consent-statement">
            <p class="muted small">{t("portal.consent.statement")}</p>
            <blockquote data-testid="consent-statement">{text()}</blockquote>
          </div>
        )}
      </Show>
      <TextField label={t("portal.consent.fullName")} name="fullName" autocomplete="name" required maxlength={120} value={name()} onValue={setName} error={submission.fieldError("fullName")} />
      <FormActions>
        <Button type="submit" variant="primary" pending={submission.pending()}>
          {t("portal.consent.submit")}
        </Button>
      </FormActions>
    </Form>
  );
}
