import { createSubmission, Form, SaveActions } from "@baton/ui/Form";
import { t } from "@baton/ui/i18n";
import { TextField } from "@baton/ui/TextField";
import type { Agency } from "@baton/ui/types";
import { createSignal } from "solid-js";
import { AgencyCard, asTyped, useSaveAgency } from "./AgencyCard";

/** How often clients are asked for feedback: NPS check-ins, the quiet days between any two surveys, and the wait after onboarding. */
export function SurveySettingsCard() {
  return (
    <AgencyCard id="survey-settings" title={t("surveySettings.title")} intro={t("surveySettings.intro")}>
      {(agency) => <SurveySettingsForm agency={agency} />}
    </AgencyCard>
  );
}

function SurveySettingsForm(props: { agency: Agency }) {
  const [every, setEvery] = createSignal(String(props.agency.npsEveryDays));
  const [quiet, setQuiet] = createSignal(String(props.agency.surveyQuietDays));
  const [afterOnboarding, setAfterOnboarding] = createSignal(String(props.agency.npsAfterOnboardingDays));
  const submission = createSubmission();
  const save = useSaveAgency();
  const submit = () =>
    submission.run(() => save({ npsEveryDays: asTyped(every()), surveyQuietDays: asTyped(quiet()), npsAfterOnboardingDays: asTyped(afterOnboarding()) }, t("surveySettings.saved")));
  return (
    <Form submission={submission} onSubmit={submit} aria-label={t("surveySettings.title")}>
      <div class="field-row">
        <TextField
          label={t("surveySettings.npsEveryDays")}
          hint={t("surveySettings.npsEveryDaysHint")}
          name="npsEveryDays"
          type="number"
          inputmode="numeric"
          min={7}
          max={365}
          required
          value={every()}
          onValue={setEvery}
          error={submission.fieldError("npsEveryDays")}
        />
        <TextField
          label={t("surveySettings.quietDays")}
          hint={t("surveySettings.quietDaysHint")}
          name="surveyQuietDays"
          type="number"
          inputmode="numeric"
          min={0}
          max={365}
          required
          value={quiet()}
          onValue={setQuiet}
          error={submission.fieldError("surveyQuietDays")}
        />
        <TextField
          label={t("surveySettings.afterOnboarding")}
          hint={t("surveySettings.afterOnboardingHint")}
          name="npsAfterOnboardingDays"
          type="number"
          inputmode="numeric"
          min={0}
          max={365}
          required
          value={afterOnboarding()}
          onValue={setAfterOnboarding}
          error={submission.fieldError("npsAfterOnboardingDays")}
        />
      </div>
      <SaveActions submission={submission} />
    </Form>
  );
}
