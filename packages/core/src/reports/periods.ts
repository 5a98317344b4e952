// Report periods (the agency's months and days as UTC ranges) live in the kernel (@baton/kernel/dates).
export { daysToUtc, formatMonth, monthOf, monthsBack, monthsBetween, monthsToUtc, parseMonth, todayIn } from "@baton/kernel/dates";
