// The date and time fields live in the kernel (@baton/kernel/fields); `calendarDate` is its `localDate`.
export { calendarMonth, checkDateRange, instant, localDate as calendarDate, MAX_RANGE_DAYS } from "@baton/kernel/fields";
export { isCalendarMonth, isLocalDate as isCalendarDate, MAX_YEAR, MIN_YEAR } from "@baton/kernel/dates";
