import { z } from "zod";
import { INCREMENT_ROUNDINGS, INCREMENT_STEPS } from "../money/index.ts";

// Building blocks of the output schemas each area declares beside its functions (<area>/output.ts):
// the OpenAPI document's response schemas are generated from them.

/** The one list shape: `cursor` is null when there is no next page. */
export const page = <Item extends z.ZodType>(item: Item) => z.object({ items: z.array(item), cursor: z.string().nullable() });

/** Someone or something named by id and the name people read. */
export const named = z.object({ id: z.string(), name: z.string() });

/** The answer of an action that has nothing more to say. */
export const done = z.object({ ok: z.literal(true) });

export const undeliverable = z.object({ reason: z.enum(["bounce", "complaint"]), at: z.string() }).nullable();

/** How time entries are rounded for billing (money/increments.ts). */
export const incrementOutput = z
  .object({
    step: z.union(INCREMENT_STEPS.map((step) => z.literal(step)) as unknown as [z.ZodLiteral<1>, z.ZodLiteral<6>, z.ZodLiteral<15>, z.ZodLiteral<30>]),
    rounding: z.enum(INCREMENT_ROUNDINGS),
    minimumMinutes: z.number().int(),
  })
  .meta({ id: "BillingIncrement" });
