import type { WorkingWeek } from "@baton/kernel/time";
import type { Agency } from "@baton/ui/types";

/** The agency's working week with its holidays: what response promises are counted in. */
export const agencyCalendar = (agency: Agency): WorkingWeek => ({ ...agency.workingWeek, holidays: agency.holidays });
