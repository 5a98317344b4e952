import { z } from "zod";
import { assertOwner } from "../actor/index.ts";
import { Audit } from "../audit/index.ts";
import { staleWrite } from "../db/conflict.ts";
import { db } from "../db/index.ts";
import { failedConditions } from "../db/transaction.ts";
import { VisibleError, notFound } from "../error/index.ts";
import { currency, pageQuery, timeZone, version, type Page } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
import { createId, isId } from "../id/index.ts";
import { ClientStatuses, type ClientItem } from "./entity.ts";

export * as Client from "./index.ts";
export { ClientStatuses } from "./entity.ts";

export type Client = {
  id: string;
  name: string;
  code: string;
  timeZone: string;
  currency: string;
  status: ClientItem["status"];
  /** First response promised within this many business hours. */
  responseHours: number;
  website: string | null;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
};

export function present(item: ClientItem): Client {
  return {
    id: item.clientId,
    name: item.name,
    code: item.code,
    timeZone: item.timeZone,
    currency: item.currency,
    status: item.status,
    responseHours: item.responseHours ?? 24,
    website: item.website ?? null,
    notes: item.notes ?? null,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    version: item.version,
  };
}

const name = z
  .string({ error: "Enter the client's name." })
  .trim()
  .min(1, "Enter the client's name.")
  .max(120, "Keep the name under 120 characters.");
const code = z
  .string({ error: "Enter a short code, such as ACME." })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{2,10}$/, "Use 2 to 10 letters or digits, such as ACME.");
const website = z
  .string()
  .trim()
  .max(300, "Keep the address under 300 characters.")
  .refine((value) => value === "" || /^https?:\/\/[^\s]+$/i.test(value), "Enter a web address starting with https://.")
  .nullable();
const notes = z.string().max(5000, "Keep notes under 5,000 characters.").nullable();
const responseHours = z
  .number({ error: "Enter the response promise in business hours." })
  .int("Use whole hours.")
  .min(1, "Promise at least 1 business hour.")
  .max(240, "Promise at most 240 business hours.");
const status = z.enum(ClientStatuses, { error: "Choose lead, onboarding, active or inactive." });

export const createSchema = z.strictObject({
  name,
  code,
  timeZone,
  currency,
  status: status.default("lead"),
  responseHours: responseHours.default(24),
  website: website.optional(),
  notes: notes.optional(),
});

export const updateSchema = z.strictObject({
  version,
  name: name.optional(),
  code: code.optional(),
  timeZone: timeZone.optional(),
  currency: currency.optional(),
  status: status.optional(),
  responseHours: responseHours.optional(),
  website: website.optional(),
  notes: notes.optional(),
});

export const listSchema = pageQuery.extend({ status: status.optional() });

export const list = fn(listSchema, async (query): Promise<Page<Client>> => {
  const agencyId = assertOwner();
  const request = db.entities.client.query.clientsOfAgency({ agencyId });
  const filtered = query.status ? request.where((attr, op) => op.eq(attr.status, query.status!)) : request;
  // `count` reads on past items the filter drops, so a page is short only at the end.
  const result = await filtered.go({ count: query.limit, cursor: query.cursor ?? null });
  return { items: result.data.map(present), cursor: result.cursor };
});

/** Loads a client of the acting agency without checking the actor's right (callers do). */
export async function load(agencyId: string, clientId: string): Promise<ClientItem | null> {
  if (!isId("client", clientId)) return null;
  const result = await db.entities.client.get({ agencyId, clientId }).go({ consistent: true });
  return result.data;
}

export async function get(clientId: string): Promise<Client> {
  const item = await load(assertOwner(), clientId);
  if (!item) throw notFound("Client");
  return present(item);
}

const codeTaken = () =>
  new VisibleError("conflict", "client.code_taken", "Another client already uses this code.", {
    fields: { code: "Another client already uses this code." },
  });

export const create = fn(createSchema, async (input): Promise<Client> => {
  const agencyId = assertOwner();
  const clientId = createId("client");
  const { website, notes, ...rest } = input;
  const result = await db.transaction
    .write(({ uniqueness, client, auditEvent }) => [
      uniqueness.create({ agencyId, scope: "client-code", value: input.code, ownerId: clientId }).commit(),
      client.create({ agencyId, clientId, ...rest, ...filledText({ website, notes }) }).commit(),
      auditEvent.create(Audit.event("client.created", "client", clientId, { name: input.name, code: input.code })).commit(),
    ])
    .go();
  if (failedConditions(result).includes(0)) throw codeTaken();
  return present((await load(agencyId, clientId))!);
});

export const update = fn(updateSchema, async ({ version: expected, ...changes }, clientId: string): Promise<Client> => {
  const agencyId = assertOwner();
  const existing = await load(agencyId, clientId);
  if (!existing) throw notFound("Client");
  const { website, notes, ...rest } = changes;
  const cleared = (["website", "notes"] as const).filter((key) => changes[key] === null || changes[key] === "");
  const codeChanges = changes.code !== undefined && changes.code !== existing.code;
  const result = await db.transaction
    .write(({ client, uniqueness, auditEvent }) => [
      client
        .patch({ agencyId, clientId })
        .set({ ...rest, ...filledText({ website, notes }) })
        .remove(cleared)
        .add({ version: 1 })
        .where((attr, op) => op.eq(attr.version, expected))
        .commit(),
      ...(codeChanges
        ? [
            uniqueness.create({ agencyId, scope: "client-code", value: changes.code!, ownerId: clientId }).commit(),
            uniqueness.delete({ agencyId, scope: "client-code", value: existing.code }).commit(),
          ]
        : []),
      auditEvent.create(Audit.event("client.updated", "client", clientId, { fields: Object.keys(changes) })).commit(),
    ])
    .go();
  const failed = failedConditions(result);
  if (codeChanges && failed.length === 1 && failed[0] === 1) throw codeTaken();
  const current = await load(agencyId, clientId);
  if (failed.length) throw staleWrite("Client", current && present(current));
  return present(current!);
});

/** Optional text fields are stored only when they have content; null or "" means absent. */
function filledText(fields: { website?: string | null; notes?: string | null }) {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => typeof value === "string" && value !== "")) as {
    website?: string;
    notes?: string;
  };
}
