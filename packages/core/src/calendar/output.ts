import { z } from "zod";
import { named } from "../fields/output.ts";
import { TaskStatuses } from "../workflow/index.ts";
import type { CalendarMonth, FeedLink } from "./index.ts";

export const monthOutput = z.object({
  month: z.string(),
  timeZone: z.string(),
  start: z.string(),
  end: z.string(),
  today: z.string(),
  tasks: z.array(
    z.object({
      id: z.string(),
      reference: z.string(),
      title: z.string(),
      requestId: z.string(),
      dueAt: z.string(),
      date: z.string(),
      client: named,
      assignee: named.nullable(),
      status: z.enum(TaskStatuses),
      urgent: z.boolean(),
    }),
  ),
}) satisfies z.ZodType<CalendarMonth>;

export const feedLinkOutput = z.object({
  url: z.string().nullable().describe("The feed's URL: shown only when it is made; null afterwards"),
  createdAt: z.string(),
}) satisfies z.ZodType<FeedLink>;
