import { z } from "zod";
import { forContactOutput } from "../client/output.ts";
import { page, undeliverable } from "../fields/output.ts";
import { Locales } from "../member/entity.ts";
import { ContactRoles, ContactStatuses } from "./entity.ts";
import type { Company } from "./index.ts";
import type { People } from "./people.ts";
import { PeopleActions, PersonActions } from "./policy.ts";
import type { Contact } from "./present.ts";

export const output = z
  .object({
    id: z.string(),
    clientId: z.string(),
    email: z.string(),
    name: z.string(),
    timeZone: z.string(),
    locale: z.enum(Locales),
    status: z.enum(ContactStatuses),
    role: z.enum(ContactRoles).describe("admin: manages the company's people in the portal; member: their own profile"),
    receivesInvoices: z.boolean().describe("Chosen to receive the client's invoices"),
    getsInvoices: z.boolean().describe("Whether invoices reach them now: chosen, or an admin while nobody is chosen"),
    undeliverable,
    createdAt: z.string(),
    version: z.number().int(),
    can: z.array(z.enum(PersonActions)).describe("What the viewer may do to this person now"),
  })
  .meta({ id: "Contact" }) satisfies z.ZodType<Contact>;

/** A client's people (GET /clients/:id/contacts, GET /portal/people) and what the viewer may do to them as a whole. */
export const listOutput = page(output).extend({ can: z.array(z.enum(PeopleActions)).describe("What the viewer may do to the client's people") }) satisfies z.ZodType<People>;

/** GET /portal/company: the contact's company and its people (an admin's view; a member sees only themselves). */
export const companyOutput = z.object({ client: forContactOutput, contacts: z.array(output), can: z.array(z.enum(PeopleActions)) }) satisfies z.ZodType<Company>;
