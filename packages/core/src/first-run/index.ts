import { assertOwner } from "../actor/index.ts";
import { Agency } from "../agency/index.ts";
import { Client } from "../client/index.ts";
import { db } from "../db/index.ts";
import { Member } from "../member/index.ts";
import { Sop } from "../sop/index.ts";
import { FIRST_RUN_ITEMS, type FirstRun, type FirstRunItemKey } from "./items.ts";

// The owner's first-run checklist on Home: each item is done when the data says so (someone
// invited, a client, an SOP, payment instructions), never by a stored tick, so it stays true
// whichever page did the work. Only the owner's "put it away" is stored.

export * as FirstRun from "./index.ts";
export * from "./output.ts";

export * from "./items.ts";

/** The checklist of the owner's agency: four small reads side by side. */
export async function get(): Promise<FirstRun> {
  const agencyId = assertOwner();
  const [members, clients, sops, agency, dismissal] = await Promise.all([
    // The owner is one member: a second one (invited or active) means the team has begun.
    Member.list({ limit: 2 }),
    Client.list({ limit: 1 }),
    Sop.list({ limit: 1 }),
    Agency.current(),
    db.entities.firstRun.get({ agencyId }).go(),
  ]);
  const done: Record<FirstRunItemKey, boolean> = {
    team: members.items.some((member) => member.role !== "owner" && member.status !== "removed"),
    client: clients.items.length > 0,
    sop: sops.items.length > 0,
    payment: Boolean(agency.paymentInstructions?.trim()),
  };
  const steps = FIRST_RUN_ITEMS.map((key) => ({ key, done: done[key] }));
  return { steps, done: steps.every((step) => step.done), dismissed: Boolean(dismissal.data) };
}

/** Puts the checklist away for the whole agency (there is one owner). Doing it twice changes nothing. */
export async function dismiss(): Promise<FirstRun> {
  const agencyId = assertOwner();
  await db.entities.firstRun.upsert({ agencyId, dismissedAt: new Date().toISOString() }).go();
  return get();
}
