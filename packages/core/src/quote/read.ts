import { z } from "zod";
import { useActor, unauthenticated, forbidden } from "../actor/index.ts";
import { useViewer } from "../actor/viewer.ts";
import { AgencyStore } from "../agency/store.ts";
import { ClientStore } from "../client/store.ts";
import { ContactStore } from "../contact/store.ts";
import { staleWrite } from "../db/conflict.ts";
import { db } from "../db/index.ts";
import type { Locale } from "../email/index.ts";
import { notFound, VisibleError } from "../error/index.ts";
import { fn } from "../fn/index.ts";
import { isId } from "../id/index.ts";
import type { QuoteItem } from "./entity.ts";
import { present, type Quote } from "./present.ts";

// Reading quotes: the owner any of the agency's, a client's contact their company's once sent
// (a draft is the owner's alone: to a contact it is not found).

export async function load(agencyId: string, quoteId: string): Promise<QuoteItem | null> {
  if (!isId("quote", quoteId)) return null;
  return (await db.entities.quote.get({ agencyId, quoteId }).go({ consistent: true })).data ?? null;
}

/** The agency's quotes made after `afterId` (ids sort by creation), a page (`quoteById`): search/sync.ts indexes them. */
export async function createdAfter(agencyId: string, afterId: string, limit: number): Promise<QuoteItem[]> {
  const query = db.entities.quote.query.quoteById({ agencyId });
  return (await (afterId ? query.gt({ quoteId: afterId }) : query).go({ limit })).data;
}

/** The quote the actor may see, or "not found". */
export async function loadVisible(quoteId: string): Promise<QuoteItem> {
  const actor = useActor();
  if (actor.type === "public") throw unauthenticated();
  const item = await load(actor.agencyId, quoteId);
  if (!item) throw notFound("Quote");
  if (actor.type === "contact" && (item.clientId !== actor.clientId || item.status === "draft")) throw notFound("Quote");
  if (actor.type === "member" && actor.role !== "owner") throw forbidden();
  return item;
}

/** The reader's language: a contact's or member's saved one (read afresh: what they accept is composed in it). */
async function readerLocale(): Promise<Locale> {
  const actor = useActor();
  if (actor.type === "contact") return (await ContactStore.load(actor.agencyId, actor.contactId, { consistent: true }))?.locale ?? actor.locale ?? "en";
  return actor.locale ?? "en";
}

/** Quotes as the acting viewer reads them. */
export async function view(items: QuoteItem[]): Promise<Quote[]> {
  if (!items.length) return [];
  const agencyId = items[0]!.agencyId;
  const [viewer, locale, agency, clients] = await Promise.all([
    useViewer(),
    readerLocale(),
    AgencyStore.load(agencyId),
    ClientStore.loadMany(agencyId, [...new Set(items.map((item) => item.clientId))]),
  ]);
  const byId = new Map(clients.map((client) => [client.clientId, client]));
  return items.map((item) => {
    const client = byId.get(item.clientId);
    return present(item, { clientName: client?.name ?? "", clientTimeZone: client?.timeZone ?? "UTC", agency: agency?.name ?? "", locale, viewer });
  });
}

export async function get(quoteId: string): Promise<Quote> {
  return (await view([await loadVisible(quoteId)]))[0]!;
}

/** 409 with the quote as it is now (or 404 when it is gone). */
export async function conflict(agencyId: string, quoteId: string, code?: string, message?: string): Promise<VisibleError> {
  const current = await load(agencyId, quoteId);
  if (!current || !code || !message) return staleWrite("Quote", current && (await view([current]))[0]!);
  return new VisibleError("conflict", code, message, { current: (await view([current]))[0]! });
}

export const listSchema = z.strictObject({
  clientId: z.string().max(40, "Choose one of your clients.").optional(),
});

/** The owner: every quote of the agency (or of one client), newest first; a contact: their company's sent ones. */
export const list = fn(listSchema, async (query): Promise<{ items: Quote[]; cursor: null }> => {
  const actor = useActor();
  if (actor.type === "public") throw unauthenticated();
  if (actor.type === "member" && actor.role !== "owner") throw forbidden();
  const agencyId = actor.agencyId;
  const clientId = actor.type === "contact" ? actor.clientId : query.clientId;
  if (clientId !== undefined && !isId("client", clientId)) return { items: [], cursor: null };
  const result = clientId
    ? await db.entities.quote.query.quotesOfClient({ agencyId, clientId }).go({ pages: "all", order: "desc" })
    : await db.entities.quote.query.quoteById({ agencyId }).go({ pages: "all", order: "desc" });
  const items = actor.type === "contact" ? result.data.filter((item) => item.status !== "draft") : result.data;
  return { items: await view(items), cursor: null };
});
