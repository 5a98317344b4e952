import { actorRef, assertOwner, useAgencyId } from "../actor/index.ts";
import { db, type TransactionEntities } from "../db/index.ts";
import { pageQuery, type Page, type PageQuery } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
import { encodeTime } from "ulid";
import { createId, IdPrefixes } from "../id/index.ts";
import type { AuditEventItem } from "./entity.ts";

export * as Audit from "./index.ts";
// Output schemas: what this area's functions answer, as the OpenAPI document declares it.
export * from "./output.ts";

/**
 * The attributes of an audit event for the current actor. Callers put it in the same transaction
 * as the change it records, so a change is never saved without its record.
 */
export function event(action: string, subjectType: string, subjectId: string, data?: Record<string, unknown>) {
  const actor = actorRef();
  return {
    agencyId: useAgencyId(),
    eventId: createId("audit"),
    at: new Date().toISOString(),
    actorType: actor.type,
    actorId: actor.id,
    action,
    subjectType,
    subjectId,
    ...(data ? { data } : {}),
  };
}

type EventAttributes = Parameters<typeof db.entities.auditEvent.create>[0];

/** The event as an item of the caller's transaction: `({ task, ...tx }) => [task…, Audit.item(tx, Audit.event(…))]`. */
export function item(tx: Pick<TransactionEntities, "auditEvent">, attributes: EventAttributes) {
  return tx.auditEvent.create(attributes).commit();
}

/** Records an event on its own, for an action that changes nothing else in the table. */
export async function record(attributes: EventAttributes): Promise<void> {
  await db.entities.auditEvent.create(attributes).go();
}

/** Every event about one subject, as stored (oldest first). */
export async function itemsOfSubject(agencyId: string, subjectId: string): Promise<AuditEventItem[]> {
  return (await db.entities.auditEvent.query.eventsOfSubject({ agencyId, subjectId }).go({ pages: "all" })).data;
}

/** The events of one action recorded within [from, to]: event ids sort by time, so one range read. */
export async function actionBetween(agencyId: string, action: string, from: Date, to: Date): Promise<AuditEventItem[]> {
  const bound = (at: Date) => `${IdPrefixes.audit}_${encodeTime(at.getTime()).toLowerCase()}`;
  const events = await db.entities.auditEvent.query
    .eventsOfAgency({ agencyId })
    .between({ eventId: bound(from) }, { eventId: bound(new Date(to.getTime() + 1)) })
    .where((attr, op) => op.eq(attr.action, action))
    .go({ pages: "all" });
  return events.data;
}

export type AuditEvent = {
  id: string;
  at: string;
  actor: { type: string; id: string };
  action: string;
  subject: { type: string; id: string };
  data: Record<string, unknown> | null;
};

export function present(item: AuditEventItem): AuditEvent {
  return {
    id: item.eventId,
    at: item.at,
    actor: { type: item.actorType, id: item.actorId },
    action: item.action,
    subject: { type: item.subjectType, id: item.subjectId },
    data: (item.data as Record<string, unknown> | undefined) ?? null,
  };
}

/** Newest first. */
export const listForAgency = fn(pageQuery, async (page: PageQuery): Promise<Page<AuditEvent>> => {
  const agencyId = assertOwner();
  const result = await db.entities.auditEvent.query
    .eventsOfAgency({ agencyId })
    .go({ order: "desc", limit: page.limit, cursor: page.cursor ?? null });
  return { items: result.data.map(present), cursor: result.cursor };
});

export async function listForSubject(subjectId: string): Promise<AuditEvent[]> {
  const agencyId = assertOwner();
  const result = await db.entities.auditEvent.query
    .eventsOfSubject({ agencyId, subjectId })
    .go({ order: "desc", pages: "all" });
  return result.data.map(present);
}
