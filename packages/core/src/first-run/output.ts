import { z } from "zod";
import { FIRST_RUN_ITEMS, type FirstRun } from "./items.ts";

/** GET /first-run, and what dismissing it answers. */
export const output = z
  .object({
    steps: z.array(z.object({ key: z.enum(FIRST_RUN_ITEMS), done: z.boolean() })),
    done: z.boolean(),
    dismissed: z.boolean(),
  })
  .meta({ id: "FirstRun" }) satisfies z.ZodType<FirstRun>;
