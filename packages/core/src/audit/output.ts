import { z } from "zod";
import { page } from "../fields/output.ts";
import type { AuditEvent } from "./index.ts";

const ref = z.object({ type: z.string(), id: z.string() });

export const output = z
  .object({ id: z.string(), at: z.string(), actor: ref, action: z.string(), subject: ref, data: z.record(z.string(), z.unknown()).nullable() })
  .meta({ id: "AuditEvent" }) satisfies z.ZodType<AuditEvent>;

export const listOutput = page(output);
