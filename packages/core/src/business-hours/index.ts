// Working-time arithmetic (response targets, rota previews, weekly reports) lives in the kernel
// (@baton/kernel/time), browser-safe, so the team app computes the same hours as the API.
export { isLocalDate } from "@baton/kernel/dates";
export {
  addBusinessHours,
  businessHoursBetween,
  standardWeek,
  startOfWeek,
  zonedParts,
  zonedTimeToUtc,
  type WorkingWeek,
} from "@baton/kernel/time";
