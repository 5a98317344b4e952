import { z } from "zod";
import type { Unread } from "./index.ts";

export const unreadOutput = z.object({
  requestId: z.string(),
  reference: z.string(),
  title: z.string(),
  clientId: z.string(),
  clientMessages: z.number().int(),
  internalMessages: z.number().int(),
  fromClient: z.number().int(),
  updates: z.number().int(),
  lastAt: z.string(),
  last: z.object({ at: z.string(), authorName: z.string(), excerpt: z.string(), thread: z.enum(["client", "internal"]) }).nullable(),
}) satisfies z.ZodType<Unread>;

export const output = z.object({ items: z.array(unreadOutput), cursor: z.null(), total: z.number().int() });
