import { z } from "zod";
import { assertContact, assertMember, assertOwner } from "../actor/index.ts";
import { db } from "../db/index.ts";
import { notFound } from "../error/index.ts";
import { pageQuery, type Page } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
import { isId } from "../id/index.ts";
import { UNATTACHED, type FileItem } from "./entity.ts";
import { present, type FileView } from "./present.ts";
import { fileSettingsOf, type FileSettings } from "./settings.ts";
import { ClientStore } from "../client/store.ts";
import { AgencyStore } from "../agency/store.ts";
import { RequestStore } from "../request/store.ts";
import { SopStore } from "../sop/store.ts";

// The Files pages: everything shared with one client (the owner's view and the portal's), an
// SOP's templates, and the agency's storage use.

export type ListedFile = FileView & { request: { id: string; reference: string; title: string } | null };

const listSchema = pageQuery;

/** Names the requests files were attached in (one batch read for the page). */
async function withRequests(agencyId: string, items: FileItem[], forClient: boolean): Promise<ListedFile[]> {
  const ids = [...new Set(items.map((item) => item.requestId).filter((id): id is string => Boolean(id)))];
  const requests = await RequestStore.loadMany(agencyId, ids);
  const byId = new Map(requests.map((r) => [r.requestId, { id: r.requestId, reference: r.reference, title: r.title }]));
  return items.map((item) => ({ ...present(item, forClient), request: item.requestId ? (byId.get(item.requestId) ?? null) : null }));
}

async function clientFiles(agencyId: string, clientId: string, page: z.output<typeof listSchema>, forClient: boolean): Promise<Page<ListedFile>> {
  const result = await db.entities.file.query
    .filesOfClient({ agencyId, clientId })
    .where((attr, op) =>
      forClient
        ? `${op.eq(attr.status, "ready")} AND ${op.ne(attr.parentId, UNATTACHED)} AND ${op.eq(attr.visibleToClient, true)}`
        : `${op.eq(attr.status, "ready")} AND ${op.ne(attr.parentId, UNATTACHED)}`,
    )
    // With a filter, `count` reads on past what it drops: a page is short only at the end.
    .go({ count: page.limit, cursor: page.cursor ?? null, order: "desc" });
  return { items: await withRequests(agencyId, result.data, forClient), cursor: result.cursor };
}

/** Everything of one client: briefs, both threads, deliverables (approved or not), the folder. */
export const forClient = fn(listSchema, async (page, clientId: string): Promise<Page<ListedFile>> => {
  const agencyId = assertOwner();
  if (!isId("client", clientId) || !(await ClientStore.load(agencyId, clientId))) throw notFound("Client");
  return clientFiles(agencyId, clientId, page, false);
});

/** The portal's Files page: what the team shared with the contact's company. */
export const mine = fn(listSchema, async (page): Promise<Page<ListedFile>> => {
  const actor = assertContact();
  return clientFiles(actor.agencyId, actor.clientId, page, true);
});

/** An SOP's templates, newest first (every version; the apps group them). */
export async function ofSop(sopId: string): Promise<Page<FileView>> {
  const actor = assertMember();
  if (!(await SopStore.exists(actor.agencyId, sopId))) throw notFound("SOP");
  const result = await db.entities.file.query
    .filesOfParent({ agencyId: actor.agencyId, parentId: sopId })
    .where((attr, op) => op.eq(attr.status, "ready"))
    .go({ pages: "all", order: "desc" });
  return { items: result.data.map((item) => present(item)), cursor: null };
}

export type Usage = FileSettings & { usedBytes: number };

/** The owner's view of storage: what is used against the quota, and the limits. */
export async function usage(): Promise<Usage> {
  const agencyId = assertOwner();
  const agency = (await AgencyStore.load(agencyId, { consistent: true }));
  return { ...fileSettingsOf(agency), usedBytes: Math.max(0, agency?.storageBytes ?? 0) };
}
