import { deleteAll } from "../client-data/batch.ts";
import { all, type ClientDataPart, type Scope } from "../client-data/part.ts";
import { db } from "../db/index.ts";
import { issuedInvoiceIds } from "../invoice/client-data.ts";
import { requestsOf } from "../request/client-data.ts";
import { tasksOf } from "../task/client-data.ts";

/** The records of exporting and erasing: they name no one, and prove the request was honoured. */
export const DATA_HANDLING_ACTIONS = new Set(["client.exported", "client.erased"]);

const eventsOfSubjects = async (agencyId: string, subjectIds: string[]) =>
  (await Promise.all(subjectIds.map((subjectId) => db.entities.auditEvent.query.eventsOfSubject({ agencyId, subjectId }).go(all)))).flatMap((page) => page.data);

/** Audit events about the client itself (its contacts' too), its requests and its tasks. */
async function eventsAbout(scope: Scope) {
  const [requests, tasks] = await Promise.all([requestsOf(scope), tasksOf(scope)]);
  return eventsOfSubjects(scope.agencyId, [scope.clientId, ...requests.map((r) => r.requestId), ...tasks.map((t) => t.taskId)]);
}

/** The issued invoices' own history: it stays with them. */
const invoiceEvents = async (scope: Scope) => eventsOfSubjects(scope.agencyId, await issuedInvoiceIds(scope));

export const auditEventsPart: ClientDataPart = {
  name: "auditEvents",
  export: async (scope) => [...(await eventsAbout(scope)), ...(await invoiceEvents(scope))],
  erase: async (scope) => {
    const events = await eventsAbout(scope);
    const gone = events.filter((event) => !DATA_HANDLING_ACTIONS.has(event.action));
    const deleted = await deleteAll(db.entities.auditEvent, gone.map(({ agencyId, eventId }) => ({ agencyId, eventId })));
    return { deleted, kept: events.length - gone.length + (await invoiceEvents(scope)).length };
  },
};
