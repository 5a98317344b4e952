// The client portal's Hindi catalog: the same parts as portal-en.ts, in Hindi.
import { hiShared } from "./hi-shared";
import { hiPortal } from "./hi-portal";
import { hiPortalBilling } from "./hi-portal-billing";
import { hiFiles } from "./hi-files";
import { hiOnboarding } from "./hi-onboarding";
import { hiQuotes } from "./hi-quotes";
import { hiVault } from "./hi-vault";
import { hiPeople } from "./hi-people";
import { hiDatePicker } from "./hi-datepicker";
import { hiSurveys } from "./hi-surveys";
import { hiSearch } from "./hi-search";
import { hiCatalog } from "./hi-catalog";
import { hiCalendar } from "./hi-calendar";
import { hiMeetings } from "./hi-meetings";
import { hiHours } from "./hi-hours";
import { hiOps } from "./hi-ops";
import { hiTrust } from "./hi-trust";
import { hiZones } from "./hi-zones";
import { hiTime } from "./hi-time";

export const portalHi = {
  ...hiShared,
  ...hiPortal,
  ...hiPortalBilling,
  ...hiFiles,
  ...hiOnboarding,
  ...hiQuotes,
  ...hiVault,
  ...hiPeople,
  ...hiDatePicker,
  ...hiSurveys,
  ...hiSearch,
  ...hiCatalog,
  ...hiCalendar,
  ...hiMeetings,
  ...hiHours,
  ...hiOps,
  ...hiTrust,
  ...hiZones,
  ...hiTime,
};
