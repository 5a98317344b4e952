import { z } from "zod";
import { page } from "../fields/output.ts";
import { output as fileOutput } from "../file/output.ts";
import { Threads } from "./policy.ts";
import type { Message } from "./index.ts";

export const output = z
  .object({
    id: z.string(),
    requestId: z.string(),
    thread: z.enum(Threads),
    author: z.object({ type: z.enum(["member", "contact"]), id: z.string(), name: z.string(), timeZone: z.string().optional() }),
    body: z.string(),
    files: z.array(fileOutput),
    createdAt: z.string(),
  })
  .meta({ id: "Message" }) satisfies z.ZodType<Message>;

/** A page of one thread, with the request's stamp as read (pass it to activity's ?since=). */
export const listOutput = page(output).extend({ stamp: z.string() });

export const activityOutput = z.object({ stamp: z.string(), changed: z.boolean() });
