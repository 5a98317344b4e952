import { z } from "zod";
import { assertMember, assertOwner } from "../actor/index.ts";
import { Audit } from "../audit/index.ts";
import { staleWrite } from "../db/conflict.ts";
import { db, getTogether } from "../db/index.ts";
import { failedConditions } from "../db/transaction.ts";
import { notFound } from "../error/index.ts";
import { pageQuery, version, type Page } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
import { createId, isId } from "../id/index.ts";
import { loadOnce } from "../lazy/index.ts";
import { People } from "../people/index.ts";
import type { SopItem, SopVersionItem } from "./entity.ts";
import { SearchIndex } from "../search/write.ts";
import { distinctTools, toolsSchema } from "./tools.ts";

export * as Sop from "./index.ts";
// Output schemas: what this area's functions answer, as the OpenAPI document declares it.
export * from "./output.ts";
export { toolKey } from "./tools.ts";

// The agency's SOP library. Every edit writes a new immutable version; tasks pin the version
// they were made from, so changing an SOP never changes work already under way.

export type SopSummary = {
  id: string;
  title: string;
  category: string;
  latestVersion: number;
  checklistLength: number;
  updatedAt: string;
  version: number;
};

export type SopVersion = {
  sopId: string;
  number: number;
  title: string;
  category: string;
  body: string;
  /** The body rendered to HTML that is safe to insert: no script can run from it. */
  bodyHtml: string;
  checklist: string[];
  note: string | null;
  createdBy: { id: string; name: string };
  createdAt: string;
};

/** `tools`: the tools its work needs (sop/tools.ts), not versioned: they name logins, not steps. */
export type SopDetail = SopSummary & { current: SopVersion; tools: string[] };

export function summary(item: SopItem): SopSummary {
  return {
    id: item.sopId,
    title: item.title,
    category: item.category,
    latestVersion: item.latestVersion,
    checklistLength: item.checklistLength,
    updatedAt: item.updatedAt,
    version: item.version,
  };
}

// markdown-it (about 130 KB of the API's bundle) is loaded by the first SOP a warm instance shows,
// not at every cold start: only SOP reads render Markdown on the server.
const markdown = loadOnce(() => import("../markdown/index.ts"));

export async function presentVersion(item: SopVersionItem): Promise<SopVersion> {
  const { renderMarkdown } = await markdown();
  return {
    sopId: item.sopId,
    number: item.number,
    title: item.title,
    category: item.category,
    body: item.body,
    bodyHtml: renderMarkdown(item.body),
    checklist: item.checklist ?? [],
    note: item.note ?? null,
    createdBy: { id: item.createdBy, name: item.createdByName ?? "" },
    createdAt: item.createdAt,
  };
}

const title = z.string({ error: "Give the SOP a title." }).trim().min(1, "Give the SOP a title.").max(150, "Keep the title under 150 characters.");
const category = z.string({ error: "Choose a category." }).trim().min(1, "Choose a category.").max(60, "Keep the category under 60 characters.");
const body = z.string({ error: "Write the procedure." }).max(50_000, "Keep the procedure under 50,000 characters.");
const checklist = z
  .array(z.string().trim().min(1, "Checklist items cannot be blank.").max(300, "Keep each item under 300 characters."), {
    error: "The checklist is a list of steps.",
  })
  .max(100, "Keep the checklist to 100 steps or fewer.");

export const createSchema = z.strictObject({ title, category, body, checklist: checklist.default([]) });
export const updateSchema = z.strictObject({
  version,
  title,
  category,
  body,
  checklist,
  note: z.string().trim().max(300, "Keep the note under 300 characters.").optional(),
});
export const listSchema = pageQuery.extend({
  q: z.string().trim().max(100, "Search for at most 100 characters.").optional(),
  category: z.string().trim().max(60).optional(),
});

const searchText = (input: { title: string; category: string; body: string }) =>
  `${input.title}\n${input.category}\n${input.body}`.toLowerCase().slice(0, 20_000);

/** The library, optionally narrowed by category and a search term (title, category and body). */
export const list = fn(listSchema, async (query): Promise<Page<SopSummary>> => {
  const { agencyId } = assertMember();
  const term = query.q?.toLowerCase();
  const result = await db.entities.sop.query
    .sopsOfAgency({ agencyId })
    .where((attr, op) =>
      [term ? op.contains(attr.searchText, term) : "", query.category ? op.eq(attr.category, query.category) : ""]
        .filter(Boolean)
        .join(" AND "),
    )
    // `count` reads on past items the filter drops, so a page is short only at the end.
    .go({ count: query.limit, cursor: query.cursor ?? null });
  return { items: result.data.map(summary), cursor: result.cursor };
});

async function loadHead(agencyId: string, sopId: string) {
  if (!isId("sop", sopId)) return null;
  return (await db.entities.sop.get({ agencyId, sopId }).go({ consistent: true })).data;
}

/** The heads of these SOPs of the agency, in order; null where one does not exist. */
export async function heads(agencyId: string, sopIds: readonly string[]) {
  return Promise.all(sopIds.map((sopId) => loadHead(agencyId, sopId)));
}

export async function loadVersion(agencyId: string, sopId: string, number: number) {
  if (!isId("sop", sopId) || !Number.isInteger(number) || number < 1) return null;
  return getTogether<SopVersionItem>(db.entities.sopVersion, db.entities.sopVersion.get({ agencyId, sopId, number }), { consistent: true });
}

/** An SOP with its latest version. Members read SOPs; only the owner writes them. */
export async function get(sopId: string): Promise<SopDetail> {
  const { agencyId } = assertMember();
  const head = await loadHead(agencyId, sopId);
  if (!head) throw notFound("SOP");
  const current = await loadVersion(agencyId, sopId, head.latestVersion);
  return { ...summary(head), current: await presentVersion(current!), tools: head.tools ?? [] };
}

export async function getVersion(sopId: string, number: number): Promise<SopVersion> {
  const { agencyId } = assertMember();
  const item = await loadVersion(agencyId, sopId, number);
  if (!item) throw notFound("SOP version");
  return presentVersion(item);
}

/** Every version, newest first. */
export async function versions(sopId: string): Promise<SopVersion[]> {
  const { agencyId } = assertMember();
  if (!(await loadHead(agencyId, sopId))) throw notFound("SOP");
  const result = await db.entities.sopVersion.query.versionsOfSop({ agencyId, sopId }).go({ order: "desc", pages: "all" });
  return Promise.all(result.data.map(presentVersion));
}

export const create = fn(createSchema, async (input): Promise<SopDetail> => {
  const agencyId = assertOwner();
  const sopId = createId("sop");
  const now = new Date().toISOString();
  const author = await People.current();
  await db.transaction
    .write(({ sop, sopVersion, ...tx }) => [
      sop
        .create({
          agencyId,
          sopId,
          title: input.title,
          category: input.category,
          searchText: searchText(input),
          latestVersion: 1,
          checklistLength: input.checklist.length,
        })
        .commit(),
      sopVersion.create({ agencyId, sopId, number: 1, ...input, createdBy: author.id, createdByName: author.name, createdAt: now }).commit(),
      Audit.item(tx, Audit.event("sop.created", "sop", sopId, { title: input.title })),
    ])
    .go();
  return get(sopId);
});

/** Saves an edit as the next version; the version the editor read must still be the latest. */
export const update = fn(updateSchema, async ({ version: expected, note, ...input }, sopId: string): Promise<SopDetail> => {
  const agencyId = assertOwner();
  const head = await loadHead(agencyId, sopId);
  if (!head) throw notFound("SOP");
  const number = head.latestVersion + 1;
  const author = await People.current();
  const result = await db.transaction
    .write(({ sop, sopVersion, ...tx }) => [
      sop
        .patch({ agencyId, sopId })
        .set({
          title: input.title,
          category: input.category,
          searchText: searchText(input),
          latestVersion: number,
          checklistLength: input.checklist.length,
        })
        .add({ version: 1 })
        .where((attr, op) => op.eq(attr.version, expected))
        .commit(),
      sopVersion
        .create({ agencyId, sopId, number, ...input, ...(note ? { note } : {}), createdBy: author.id, createdByName: author.name, createdAt: new Date().toISOString() })
        .commit(),
      Audit.item(tx, Audit.event("sop.versioned", "sop", sopId, { number })),
    ])
    .go();
  if (failedConditions(result).length) {
    const current = await loadHead(agencyId, sopId);
    throw staleWrite("SOP", current && summary(current));
  }
  const renamed = await loadHead(agencyId, sopId);
  if (renamed && renamed.title !== head.title) await SearchIndex.sop(renamed);
  return get(sopId);
});

/** Sets the tools an SOP's work needs (owner; sop/tools.ts), from the version read: no new version. */
export const setTools = fn(toolsSchema, async (input, sopId: string): Promise<SopDetail> => {
  const agencyId = assertOwner();
  if (!(await loadHead(agencyId, sopId))) throw notFound("SOP");
  const tools = distinctTools(input.tools);
  const result = await db.transaction
    .write(({ sop, ...tx }) => [
      sop
        .patch({ agencyId, sopId })
        .set({ tools })
        .add({ version: 1 })
        .where((attr, op) => op.eq(attr.version, input.version))
        .commit(),
      Audit.item(tx, Audit.event("sop.tools_set", "sop", sopId, { tools })),
    ])
    .go();
  if (failedConditions(result).length) {
    const current = await loadHead(agencyId, sopId);
    throw staleWrite("SOP", current && summary(current));
  }
  return get(sopId);
});
