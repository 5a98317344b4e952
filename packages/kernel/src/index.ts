import * as Money from "./money.ts";

// @baton/kernel: the browser-safe rules core and both apps share. Every name a user of the
// package may rely on is listed here (and by area under the subpaths in package.json); the
// modules' internals (wallToUtc, minutesOf, …) are not.

export { Money };

export {
  addBusinessDays,
  addBusinessHours,
  businessHoursBetween,
  canonicalTimeZone,
  currentWeek,
  mondayOf,
  responseDue,
  shiftWeek,
  standardWeek,
  startOfDay,
  startOfWeek,
  timeZoneNames,
  todayIn,
  wallClock,
  wallClockToUtc,
  weekOverlap,
  zonedParts,
  zonedTimeToUtc,
  type Interval,
  type LocalTime,
  type OverlapDay,
  type ResponsePromise,
  type Party,
  type WeekOverlap,
  type WorkingWeek,
  type ZonedParts,
} from "./time.ts";

export {
  addDays,
  dateKey,
  daysToUtc,
  formatMonth,
  isCalendarMonth,
  isLocalDate,
  isRealDate,
  MAX_YEAR,
  MIN_YEAR,
  monthOf,
  monthsBack,
  monthsBetween,
  monthsToUtc,
  parseMonth,
} from "./dates.ts";

export {
  RequestStatuses,
  TaskStatuses,
  OpenTaskStatuses,
  openState,
  quadrant,
  requestStatusFor,
  taskMove,
  taskSteps,
  type Party as WorkflowParty,
  type RequestStatus,
  type Step,
  type TaskAction,
  type TaskStatus,
} from "./workflow.ts";

export {
  basisPoints,
  billingIncrement,
  calendarMonth,
  checkDateRange,
  currency,
  detailLine,
  detailLines,
  email,
  instant,
  isCurrency,
  isTimeZone,
  localDate,
  locale,
  Locales,
  MAX_RANGE_DAYS,
  minorAmount,
  oneLine,
  paymentAmount,
  personName,
  timeZone,
  version,
} from "./fields.ts";
