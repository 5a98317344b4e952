// The client portal's Greek catalog: the same parts as portal-en.ts, in Greek.
import { elShared } from "./el-shared";
import { elPortal } from "./el-portal";
import { elPortalBilling } from "./el-portal-billing";
import { elFiles } from "./el-files";
import { elOnboarding } from "./el-onboarding";
import { elQuotes } from "./el-quotes";
import { elVault } from "./el-vault";
import { elPeople } from "./el-people";
import { elDatePicker } from "./el-datepicker";
import { elSurveys } from "./el-surveys";
import { elSearch } from "./el-search";
import { elCatalog } from "./el-catalog";
import { elCalendar } from "./el-calendar";
import { elMeetings } from "./el-meetings";
import { elHours } from "./el-hours";
import { elOps } from "./el-ops";
import { elTrust } from "./el-trust";
import { elZones } from "./el-zones";
import { elTime } from "./el-time";

export const portalEl = {
  ...elShared,
  ...elPortal,
  ...elPortalBilling,
  ...elFiles,
  ...elOnboarding,
  ...elQuotes,
  ...elVault,
  ...elPeople,
  ...elDatePicker,
  ...elSurveys,
  ...elSearch,
  ...elCatalog,
  ...elCalendar,
  ...elMeetings,
  ...elHours,
  ...elOps,
  ...elTrust,
  ...elZones,
  ...elTime,
};
