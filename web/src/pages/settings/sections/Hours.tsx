import { SettingsSection } from "../SettingsSection";
import { WorkingHoursCard } from "../WorkingHours";

/** /settings/hours: working hours, holidays and the response promise they set. */
export default function HoursSettings() {
  return (
    <SettingsSection id="hours">
      <WorkingHoursCard />
    </SettingsSection>
  );
}
