import { deleteAll } from "../client-data/batch.ts";
import { all, type ClientDataPart, type Scope } from "../client-data/part.ts";
import { db } from "../db/index.ts";
import { issuedInvoiceIds } from "../invoice/client-data.ts";

/** Timers are one per member: the agency's few, filtered. */
async function timersOf({ agencyId, clientId }: Scope) {
  return (await db.entities.timer.query.timerOfMember({ agencyId }).go(all)).data.filter((timer) => timer.clientId === clientId);
}

const entriesOf = async ({ agencyId, clientId }: Scope) => (await db.entities.timeEntry.query.entriesOfClient({ agencyId, clientId }).go(all)).data;

export const timersPart: ClientDataPart = {
  name: "timers",
  export: timersOf,
  erase: async (scope) => ({ deleted: await deleteAll(db.entities.timer, (await timersOf(scope)).map(({ agencyId, memberId }) => ({ agencyId, memberId }))) }),
};

export const timeEntriesPart: ClientDataPart = {
  name: "timeEntries",
  export: entriesOf,
  erase: async (scope) => {
    const issued = new Set(await issuedInvoiceIds(scope));
    const entries = await entriesOf(scope);
    // Time billed on an issued invoice is what the invoice's lines stand on: kept with it.
    const gone = entries.filter((entry) => !issued.has(entry.invoiceId));
    return { deleted: await deleteAll(db.entities.timeEntry, gone.map(({ agencyId, entryId }) => ({ agencyId, entryId }))), kept: entries.length - gone.length };
  },
};
