import { z } from "zod";
import { forContactOutput } from "../client/output.ts";
import { page, undeliverable } from "../fields/output.ts";
import { ContactStatuses } from "./entity.ts";
import type { Company, Contact } from "./index.ts";

export const output = z
  .object({
    id: z.string(),
    clientId: z.string(),
    email: z.string(),
    name: z.string(),
    timeZone: z.string(),
    status: z.enum(ContactStatuses),
    undeliverable,
    createdAt: z.string(),
  })
  .meta({ id: "Contact" }) satisfies z.ZodType<Contact>;

export const listOutput = page(output);

/** GET /portal/company: the contact's company and its people. */
export const companyOutput = z.object({ client: forContactOutput, contacts: z.array(output) }) satisfies z.ZodType<Company>;
