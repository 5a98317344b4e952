// Time-zone names live in the kernel (@baton/kernel/time), which the apps import too.
export { canonicalTimeZone, timeZoneNames } from "@baton/kernel/time";
