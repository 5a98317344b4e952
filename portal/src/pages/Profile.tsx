import { CalendarFeedCard } from "@baton/ui/CalendarFeed";
import { t } from "@baton/ui/i18n";
import { PersonalHoursCard } from "@baton/ui/PersonalHours";
import { ProfilePage } from "@baton/ui/ProfilePage";

/** The shared profile, with the contact's working week and private calendar feed of their company's deadlines. */
export default function Profile() {
  return (
    <ProfilePage>
      <PersonalHoursCard />
      <div style={{ "margin-top": "1.5rem" }}>
        <CalendarFeedCard title={t("calendarFeed.titlePortal")} intro={t("calendarFeed.introClient")} />
      </div>
    </ProfilePage>
  );
}
