import type { ClientItem } from "../client/entity.ts";

// What one kind of a client's data is to the export and the erase. Each area that keeps data
// about a client writes its own part (`<area>/client-data.ts`), beside the table it owns;
// parts.ts puts them in the order the erase runs them.

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

/** Every page of a query. */
export const all = { pages: "all" } as const;
