import { z } from "zod";
import type { PersonRef } from "./index.ts";

export const personOutput = z.object({ type: z.enum(["member", "contact", "apikey", "system"]), id: z.string(), name: z.string() }) satisfies z.ZodType<PersonRef>;
