import { z } from "zod";
import type { Healthy } from "./index.ts";

export const output = z.object({ ok: z.literal(true), table: z.literal("reachable"), latencyMs: z.number() }) satisfies z.ZodType<Healthy>;
