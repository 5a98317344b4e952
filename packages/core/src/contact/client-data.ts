import { deleteFeeds } from "../calendar/client-data.ts";
import { deleteAll } from "../client-data/batch.ts";
import type { ClientDataPart } from "../client-data/part.ts";
import { db } from "../db/index.ts";
import { releaseLoginEmails } from "../uniqueness/client-data.ts";
import { ofClient } from "./store.ts";

export const contactsPart: ClientDataPart = {
  name: "contacts",
  export: ({ agencyId, clientId }) => ofClient(agencyId, clientId),
  erase: async ({ agencyId, clientId }) => {
    const contacts = await ofClient(agencyId, clientId);
    // With each person go their sign-in address's claim and their calendar feed; their sessions
    // end because the person no longer exists.
    await releaseLoginEmails(agencyId, contacts.map((c) => c.email));
    await deleteFeeds(agencyId, contacts.map((c) => c.contactId));
    return { deleted: await deleteAll(db.entities.contact, contacts.map(({ contactId }) => ({ agencyId, contactId }))) };
  },
};
