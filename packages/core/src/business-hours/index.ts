// Working-time arithmetic (response targets, rota previews, weekly reports) lives in the kernel
// (@baton/kernel/time), browser-safe, so the team app computes the same hours as the API.
export { isLocalDate } from "@baton/kernel/dates";
export {
  addBusinessDays,
  addBusinessHours,
  businessHoursBetween,
  responseDue,
  standardWeek,
  startOfWeek,
  zonedParts,
  zonedTimeToUtc,
  type ResponsePromise,
  type WorkingWeek,
} from "@baton/kernel/time";
// A member's or contact's own working week, set on their profile; the agency's is the default.
export { effectiveWeek, hoursChange, ownWeek, personalWeekSchema, type PersonalHours, type PersonalWeek } from "./personal.ts";
