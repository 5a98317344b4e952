import { SettingsSection } from "../SettingsSection";
import { SurveySettingsCard } from "../SurveySettings";

/** /settings/surveys: when clients are asked about the work. */
export default function SurveysSettings() {
  return (
    <SettingsSection id="surveys">
      <SurveySettingsCard />
    </SettingsSection>
  );
}
