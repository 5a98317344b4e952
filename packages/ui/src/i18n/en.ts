// English, the source catalog. Keys are "area.meaning"; `{name}` is a placeholder; an object
// value is a plural, chosen by `params.count` with Intl.PluralRules (other locales may add
// "zero", "two", "few", "many" as their language needs).

export type Plural = { zero?: string; one?: string; two?: string; few?: string; many?: string; other: string };

import { enShared } from "./en-shared";
import { enBilling } from "./en-billing";
import { enSignup } from "./en-signup";
import { enCalendar } from "./en-calendar";
import { enPortal } from "./en-portal";
import { enPortalBilling } from "./en-portal-billing";
import { enReports } from "./en-reports";
import { enSurveys } from "./en-surveys";
import { enOnboarding } from "./en-onboarding";
import { enZones } from "./en-zones";
import { enOps } from "./en-ops";
import { enFiles } from "./en-files";
import { enHours } from "./en-hours";
import { enCatalog } from "./en-catalog";
import { enQuotes } from "./en-quotes";
import { enVault } from "./en-vault";
import { enPeople } from "./en-people";
import { enTrust } from "./en-trust";
import { enRecurring } from "./en-recurring";
import { enIntegrations } from "./en-integrations";
import { enTime } from "./en-time";
import { enWork } from "./en-work";
import { enNav } from "./en-nav";
import { enBrand } from "./en-brand";
import { enMeetings } from "./en-meetings";
import { enSearch } from "./en-search";
import { enSubHome } from "./en-subhome";
import { enTeamWeek } from "./en-teamweek";
import { enDatePicker } from "./en-datepicker";

export const en = {
  ...enWork,
  ...enNav,
  ...enBrand,
  ...enTime,
  ...enBilling,
  ...enSignup,
  ...enPortal,
  ...enPortalBilling,
  ...enReports,
  ...enCalendar,
  ...enSurveys,
  ...enOnboarding,
  ...enZones,
  ...enOps,
  ...enFiles,
  ...enHours,
  ...enCatalog,
  ...enQuotes,
  ...enVault,
  ...enPeople,
  ...enTrust,
  ...enRecurring,
  ...enMeetings,
  ...enSearch,
  ...enSubHome,
  ...enTeamWeek,
  ...enDatePicker,
  ...enIntegrations,
  ...enShared,
};

export type MessageKey = keyof typeof en;

/** What a translation must provide: every key, plurals as plurals. */
export type Messages = { [K in MessageKey]: (typeof en)[K] extends string ? string : Plural };
