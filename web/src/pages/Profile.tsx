import { PersonalHoursCard } from "@baton/ui/PersonalHours";
import { ProfilePage } from "@baton/ui/ProfilePage";

/** The shared profile, with the member's own working week (the meeting planner reads it). */
export default function Profile() {
  return (
    <ProfilePage>
      <PersonalHoursCard />
    </ProfilePage>
  );
}
