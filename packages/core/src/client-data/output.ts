import { z } from "zod";
import { output as clientOutput } from "../client/output.ts";
import type { ClientExport, EraseResult } from "./index.ts";

/** Everything Baton holds about a client: the parts beside these fields are arrays of records. */
export const exportOutput = z.looseObject({
  format: z.literal("baton.client-export"),
  version: z.number().int(),
  exportedAt: z.string(),
  agency: z.object({ id: z.string(), name: z.string() }),
  client: clientOutput,
}) satisfies z.ZodType<ClientExport>;

export const eraseOutput = z.object({
  client: clientOutput,
  deleted: z.record(z.string(), z.number().int()),
  kept: z.record(z.string(), z.number().int()),
}) satisfies z.ZodType<EraseResult>;
