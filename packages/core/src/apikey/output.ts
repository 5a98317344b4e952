import { z } from "zod";
import { ApiKeyScopes } from "../actor/index.ts";
import { page } from "../fields/output.ts";
import type { ApiKey } from "./index.ts";

export const output = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    scopes: z.array(z.enum(ApiKeyScopes)),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
  })
  .meta({ id: "ApiKey" }) satisfies z.ZodType<ApiKey>;

export const listOutput = page(output);
/** The new key and its secret, shown this once. */
export const createdOutput = z.object({ apiKey: output, secret: z.string() });
