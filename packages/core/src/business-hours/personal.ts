import { z } from "zod";
import type { WorkingWeek } from "@baton/kernel/time";

// A person's own working week (members and client contacts set it on their profile), kept in
// their own time zone. Absent, they keep the agency's hours: the week most people there work.

/** "HH:MM" from 00:00 to 24:00; zero-padded, so strings compare as times. */
const clock = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;
const minutesOfDay = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** What a profile sends: days (ISO, 1 = Monday), and a start and end on the person's own clock. */
export const personalWeekSchema = z
  .strictObject({
    days: z
      .array(z.number({ error: "Choose working days." }).int("Choose working days.").min(1, "Choose working days.").max(7, "Choose working days."), {
        error: "Choose working days.",
      })
      .min(1, "Choose at least one working day.")
      .refine((days) => new Set(days).size === days.length, "Choose each working day only once."),
    start: z.string({ error: "Enter a time such as 09:00." }).regex(clock, "Enter a time such as 09:00."),
    end: z.string({ error: "Enter a time such as 17:00." }).regex(clock, "Enter a time such as 17:00."),
  })
  .refine((week) => !clock.test(week.start) || !clock.test(week.end) || minutesOfDay(week.end) > minutesOfDay(week.start), {
    message: "The working day must end after it starts.",
    path: ["end"],
  });

export type PersonalWeek = z.infer<typeof personalWeekSchema>;

/** How a member or contact item keeps its week (the agency's own attributes, the same names). */
export type PersonalHours = { workingDays?: number[]; workingStart?: string; workingEnd?: string };

/** The person's own week, or null when they keep the agency's. */
export function ownWeek(item: PersonalHours): WorkingWeek | null {
  if (!item.workingDays?.length || !item.workingStart || !item.workingEnd) return null;
  return { days: [...item.workingDays], start: item.workingStart, end: item.workingEnd };
}

/** The hours the person works: their own, else the agency's (with its days off). */
export function effectiveWeek(item: PersonalHours, agency: WorkingWeek): WorkingWeek {
  return ownWeek(item) ?? agency;
}

/** The item's attributes for a week (sorted days), or the names to remove to go back to the agency's. */
export function hoursChange(week: PersonalWeek | null): { set: Required<PersonalHours> } | { remove: (keyof PersonalHours)[] } {
  if (!week) return { remove: ["workingDays", "workingStart", "workingEnd"] };
  return { set: { workingDays: [...week.days].sort(), workingStart: week.start, workingEnd: week.end } };
}
