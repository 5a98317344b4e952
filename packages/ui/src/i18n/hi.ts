// Hindi (hi). Polite "आप" register; everyday loanwords of Indian business software (टास्क,
// क्लाइंट, इनवॉइस) where they read more naturally than formal Hindi. Hindi plurals have the
// categories "one" (0 and 1) and "other", so "one" forms say {count} rather than a literal 1.

import { hiShared } from "./hi-shared";
import type { Messages } from "./en";
import { hiBilling } from "./hi-billing";
import { hiSignup } from "./hi-signup";
import { hiCalendar } from "./hi-calendar";
import { hiPortal } from "./hi-portal";
import { hiPortalBilling } from "./hi-portal-billing";
import { hiReports } from "./hi-reports";
import { hiSurveys } from "./hi-surveys";
import { hiOnboarding } from "./hi-onboarding";
import { hiZones } from "./hi-zones";
import { hiOps } from "./hi-ops";
import { hiFiles } from "./hi-files";
import { hiHours } from "./hi-hours";
import { hiCatalog } from "./hi-catalog";
import { hiQuotes } from "./hi-quotes";
import { hiVault } from "./hi-vault";
import { hiPeople } from "./hi-people";
import { hiTrust } from "./hi-trust";
import { hiRecurring } from "./hi-recurring";
import { hiIntegrations } from "./hi-integrations";
import { hiTime } from "./hi-time";
import { hiWork } from "./hi-work";
import { hiNav } from "./hi-nav";
import { hiBrand } from "./hi-brand";
import { hiMeetings } from "./hi-meetings";
import { hiSearch } from "./hi-search";
import { hiSubHome } from "./hi-subhome";
import { hiTeamWeek } from "./hi-teamweek";
import { hiDatePicker } from "./hi-datepicker";

export const hi: Messages = {
  ...hiWork,
  ...hiNav,
  ...hiBrand,
  ...hiTime,
  ...hiBilling,
  ...hiSignup,
  ...hiPortal,
  ...hiPortalBilling,
  ...hiReports,
  ...hiCalendar,
  ...hiSurveys,
  ...hiOnboarding,
  ...hiZones,
  ...hiOps,
  ...hiFiles,
  ...hiHours,
  ...hiCatalog,
  ...hiQuotes,
  ...hiVault,
  ...hiPeople,
  ...hiTrust,
  ...hiRecurring,
  ...hiMeetings,
  ...hiSearch,
  ...hiSubHome,
  ...hiTeamWeek,
  ...hiDatePicker,
  ...hiIntegrations,
  ...hiShared,
};
