import { z } from "zod";
import { named, page } from "../fields/output.ts";
import { SearchKinds } from "./entity.ts";
import type { SearchResult } from "./index.ts";

export const resultOutput = z
  .object({
    kind: z.enum(SearchKinds),
    id: z.string(),
    title: z.string().describe("The title or name; an invoice's first line"),
    reference: z.string().nullable().describe("A request's or task's reference, a client's code, an invoice's number (null for a draft)"),
    client: named.nullable().describe("The client it belongs to (null for a client itself and an SOP)"),
  })
  .meta({ id: "SearchResult" }) satisfies z.ZodType<SearchResult>;

export const findOutput = page(resultOutput).meta({ id: "SearchPage" });
