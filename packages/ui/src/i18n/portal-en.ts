// The client portal's English catalog: the shared strings and the areas the portal shows, without the
// team app's own (work, billing, reports, integrations, recurring, sign-up, brand, nav, team home).
// Loaded lazily like every catalog (i18n/index.ts); tests/core/app-catalogs.test.ts checks that it holds
// every key the portal's code uses, so a new portal area's file is added to all three portal-*.ts.
import { enShared } from "./en-shared";
import { enPortal } from "./en-portal";
import { enPortalBilling } from "./en-portal-billing";
import { enFiles } from "./en-files";
import { enOnboarding } from "./en-onboarding";
import { enQuotes } from "./en-quotes";
import { enVault } from "./en-vault";
import { enPeople } from "./en-people";
import { enDatePicker } from "./en-datepicker";
import { enSurveys } from "./en-surveys";
import { enSearch } from "./en-search";
import { enCatalog } from "./en-catalog";
import { enCalendar } from "./en-calendar";
import { enMeetings } from "./en-meetings";
import { enHours } from "./en-hours";
import { enOps } from "./en-ops";
import { enTrust } from "./en-trust";
import { enZones } from "./en-zones";
import { enTime } from "./en-time";

export const portalEn = {
  ...enShared,
  ...enPortal,
  ...enPortalBilling,
  ...enFiles,
  ...enOnboarding,
  ...enQuotes,
  ...enVault,
  ...enPeople,
  ...enDatePicker,
  ...enSurveys,
  ...enSearch,
  ...enCatalog,
  ...enCalendar,
  ...enMeetings,
  ...enHours,
  ...enOps,
  ...enTrust,
  ...enZones,
  ...enTime,
};
