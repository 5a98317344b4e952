import type { ClientItem } from "../client/entity.ts";
import { db } from "../db/index.ts";
import { deleteAll } from "./batch.ts";
import { ContactStore } from "../contact/store.ts";

// Everything Baton holds about one client, part by part. Each part knows how to read its items for
// the export and how to erase them (or which it must keep). Another kind of data about a client
// (uploaded files, say) is one more entry in `parts`: its export goes into the export under its
// name, its erase runs with the others and its counts appear in the result.

export type Scope = { agencyId: string; clientId: string; client: ClientItem };

export type Erased = { deleted: number; kept?: number };

export type ClientDataPart = {
  /** The key of this part in the export and in the erase's counts. */
  name: string;
  /** Its items, as JSON. */
  export(scope: Scope): Promise<unknown>;
  /** Deletes what may go; counts what was deleted and what the law keeps. */
  erase(scope: Scope): Promise<Erased>;
};

/** Issued invoices are kept: numbered, sent to the client, the basis of the agency's accounts. */
export const isIssued = (invoice: { status: string }) => invoice.status !== "draft";

const all = { pages: "all" } as const;

const requestsOf = async ({ agencyId, clientId }: Scope) => (await db.entities.request.query.requestsOfClient({ agencyId, clientId }).go(all)).data;
const tasksOf = async ({ agencyId, clientId }: Scope) => (await db.entities.task.query.tasksOfClient({ agencyId, clientId }).go(all)).data;
const contactsOf = ({ agencyId, clientId }: Scope) => ContactStore.ofClient(agencyId, clientId);
const invoicesOf = async ({ agencyId, clientId }: Scope) => (await db.entities.invoice.query.invoicesOfClient({ agencyId, clientId }).go(all)).data;

/** The records of exporting and erasing: they name no one, and prove the request was honoured. */
export const DATA_HANDLING_ACTIONS = new Set(["client.exported", "client.erased"]);

/** Audit events about the client itself (its contacts' too), its requests and its tasks. */
async function eventsAbout(scope: Scope) {
  const { agencyId } = scope;
  const subjects = [scope.clientId, ...(await requestsOf(scope)).map((r) => r.requestId), ...(await tasksOf(scope)).map((t) => t.taskId)];
  const pages = await Promise.all(subjects.map((subjectId) => db.entities.auditEvent.query.eventsOfSubject({ agencyId, subjectId }).go(all)));
  return pages.flatMap((page) => page.data);
}

async function invoiceEvents(scope: Scope) {
  const invoices = (await invoicesOf(scope)).filter(isIssued);
  const pages = await Promise.all(invoices.map((i) => db.entities.auditEvent.query.eventsOfSubject({ agencyId: scope.agencyId, subjectId: i.invoiceId }).go(all)));
  return pages.flatMap((page) => page.data);
}

// Erase runs the parts in this order: a part that finds its items through others (messages
// through requests, audit events through requests and tasks) runs before those are gone.
export const parts: ClientDataPart[] = [
  {
    name: "auditEvents",
    export: async (scope) => [...(await eventsAbout(scope)), ...(await invoiceEvents(scope))],
    erase: async (scope) => {
      const events = await eventsAbout(scope);
      const gone = events.filter((event) => !DATA_HANDLING_ACTIONS.has(event.action));
      const deleted = await deleteAll(db.entities.auditEvent, gone.map(({ agencyId, eventId }) => ({ agencyId, eventId })));
      // The issued invoices' own history stays with them.
      return { deleted, kept: events.length - gone.length + (await invoiceEvents(scope)).length };
    },
  },
  {
    name: "messages",
    export: async (scope) => (await messagesOf(scope)).flat(),
    erase: async (scope) => ({ deleted: await deleteAll(db.entities.message, (await messagesOf(scope)).flat().map(({ agencyId, requestId, messageId }) => ({ agencyId, requestId, messageId }))) }),
  },
  {
    name: "surveys",
    export: surveysOf,
    erase: async (scope) => ({ deleted: await deleteAll(db.entities.survey, (await surveysOf(scope)).map(({ agencyId, surveyId }) => ({ agencyId, surveyId }))) }),
  },
  {
    name: "onboarding",
    export: async ({ agencyId, clientId }) => (await db.entities.clientOnboarding.get({ agencyId, clientId }).go()).data,
    erase: async ({ agencyId, clientId }) => {
      const found = (await db.entities.clientOnboarding.get({ agencyId, clientId }).go()).data;
      if (found) await db.entities.clientOnboarding.delete({ agencyId, clientId }).go();
      return { deleted: found ? 1 : 0 };
    },
  },
  {
    name: "timers",
    export: timersOf,
    erase: async (scope) => ({ deleted: await deleteAll(db.entities.timer, (await timersOf(scope)).map(({ agencyId, memberId }) => ({ agencyId, memberId }))) }),
  },
  {
    name: "timeEntries",
    export: async ({ agencyId, clientId }) => (await db.entities.timeEntry.query.entriesOfClient({ agencyId, clientId }).go(all)).data,
    erase: async (scope) => {
      const issued = new Set((await invoicesOf(scope)).filter(isIssued).map((i) => i.invoiceId));
      const entries = (await db.entities.timeEntry.query.entriesOfClient({ agencyId: scope.agencyId, clientId: scope.clientId }).go(all)).data;
      // Time billed on an issued invoice is what the invoice's lines stand on: kept with it.
      const gone = entries.filter((entry) => !issued.has(entry.invoiceId));
      return { deleted: await deleteAll(db.entities.timeEntry, gone.map(({ agencyId, entryId }) => ({ agencyId, entryId }))), kept: entries.length - gone.length };
    },
  },
  {
    name: "invoices",
    export: async (scope) => {
      const invoices = await invoicesOf(scope);
      const payments = await Promise.all(invoices.map((i) => db.entities.payment.query.paymentsOfInvoice({ agencyId: scope.agencyId, invoiceId: i.invoiceId }).go(all)));
      return invoices.map((invoice, n) => ({ ...invoice, payments: payments[n]!.data }));
    },
    erase: async (scope) => {
      const invoices = await invoicesOf(scope);
      const drafts = invoices.filter((i) => !isIssued(i));
      const draftIds = new Set(drafts.map((d) => d.invoiceId));
      // A kept deposit that a deleted draft took off is free again.
      for (const deposit of invoices.filter((i) => isIssued(i) && i.deductedOn && draftIds.has(i.deductedOn))) {
        await db.entities.invoice.patch({ agencyId: deposit.agencyId, invoiceId: deposit.invoiceId }).remove(["deductedOn"]).add({ version: 1 }).go();
      }
      const deleted = await deleteAll(db.entities.invoice, drafts.map(({ agencyId, invoiceId }) => ({ agencyId, invoiceId })));
      return { deleted, kept: invoices.length - drafts.length };
    },
  },
  {
    name: "tasks",
    export: tasksOf,
    erase: async (scope) => ({ deleted: await deleteAll(db.entities.task, (await tasksOf(scope)).map(({ agencyId, taskId }) => ({ agencyId, taskId }))) }),
  },
  {
    name: "requests",
    export: requestsOf,
    erase: async (scope) => ({ deleted: await deleteAll(db.entities.request, (await requestsOf(scope)).map(({ agencyId, requestId }) => ({ agencyId, requestId }))) }),
  },
  {
    name: "contacts",
    export: contactsOf,
    erase: async (scope) => {
      const contacts = await contactsOf(scope);
      const { agencyId } = scope;
      // With each person go their sign-in address's claim and their calendar feed; their sessions
      // end because the person no longer exists.
      await deleteAll(db.entities.uniqueness, contacts.map((c) => ({ agencyId, scope: "login-email" as const, value: c.email })));
      await deleteAll(db.entities.calendarFeed, contacts.map((c) => ({ agencyId, subjectId: c.contactId })));
      return { deleted: await deleteAll(db.entities.contact, contacts.map(({ contactId }) => ({ agencyId, contactId }))) };
    },
  },
];

async function messagesOf(scope: Scope) {
  const requests = await requestsOf(scope);
  const pages = await Promise.all(requests.map((r) => db.entities.message.query.messagesOfRequest({ agencyId: scope.agencyId, requestId: r.requestId }).go(all)));
  return pages.map((page) => page.data);
}

/** Surveys have no index by client: the agency's surveys, filtered (erase and export are rare). */
async function surveysOf({ agencyId, clientId }: Scope) {
  return (await db.entities.survey.query.surveyById({ agencyId }).where((attr, op) => op.eq(attr.clientId, clientId)).go(all)).data;
}

/** Timers are one per member: the agency's few, filtered. */
async function timersOf({ agencyId, clientId }: Scope) {
  return (await db.entities.timer.query.timerOfMember({ agencyId }).go(all)).data.filter((timer) => timer.clientId === clientId);
}
