// The meeting planner's arithmetic lives in the kernel (@baton/kernel/time); the team app imports it from there.
export { currentWeek, mondayOf, shiftWeek, weekOverlap, type Interval, type OverlapDay, type Party, type WeekOverlap } from "@baton/kernel/time";
export { groupWeek, type GroupDay, type GroupWeek, type Slot } from "@baton/kernel/time";
