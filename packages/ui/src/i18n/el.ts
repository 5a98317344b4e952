// Greek (el), a complete translation of `en`. Formal plural address ("εσείς") throughout, as
// Greek business software does. Keys, `{placeholders}` and plural shapes match `en` exactly.
import { elShared } from "./el-shared";
import type { Messages } from "./en";
import { elBilling } from "./el-billing";
import { elSignup } from "./el-signup";
import { elCalendar } from "./el-calendar";
import { elPortal } from "./el-portal";
import { elPortalBilling } from "./el-portal-billing";
import { elReports } from "./el-reports";
import { elSurveys } from "./el-surveys";
import { elOnboarding } from "./el-onboarding";
import { elZones } from "./el-zones";
import { elOps } from "./el-ops";
import { elFiles } from "./el-files";
import { elHours } from "./el-hours";
import { elCatalog } from "./el-catalog";
import { elQuotes } from "./el-quotes";
import { elVault } from "./el-vault";
import { elPeople } from "./el-people";
import { elTrust } from "./el-trust";
import { elRecurring } from "./el-recurring";
import { elIntegrations } from "./el-integrations";
import { elTime } from "./el-time";
import { elWork } from "./el-work";
import { elNav } from "./el-nav";
import { elBrand } from "./el-brand";
import { elMeetings } from "./el-meetings";
import { elSearch } from "./el-search";
import { elSubHome } from "./el-subhome";
import { elTeamWeek } from "./el-teamweek";
import { elDatePicker } from "./el-datepicker";

export const el: Messages = {
  ...elWork,
  ...elNav,
  ...elBrand,
  ...elTime,
  ...elBilling,
  ...elSignup,
  ...elPortal,
  ...elPortalBilling,
  ...elReports,
  ...elCalendar,
  ...elSurveys,
  ...elOnboarding,
  ...elZones,
  ...elOps,
  ...elFiles,
  ...elHours,
  ...elCatalog,
  ...elQuotes,
  ...elVault,
  ...elPeople,
  ...elTrust,
  ...elRecurring,
  ...elMeetings,
  ...elSearch,
  ...elSubHome,
  ...elTeamWeek,
  ...elDatePicker,
  ...elIntegrations,
  ...elShared,
};
