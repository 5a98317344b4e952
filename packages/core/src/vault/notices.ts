import { AgencyStore } from "../agency/store.ts";
import { Brand } from "../agency/brand/index.ts";
import { Email } from "../email/index.ts";
import { Log } from "../log/index.ts";
import { Notify } from "../notify/index.ts";

// The vault's emails to a client's people: that the agency asks for a login, and that someone who
// saw their logins has left. They name tools, never a secret, and link to the portal's vault.

export async function emailClient(agencyId: string, clientId: string, kind: "vaultAccessRequested" | "vaultRotate", params: Record<string, string>): Promise<void> {
  try {
    const [contacts, agency] = await Promise.all([Notify.contactsOf(agencyId, clientId), AgencyStore.load(agencyId)]);
    const brand = agency ? Brand.emailBrandOf(agency) : null;
    const people = contacts.filter((contact) => contact.status === "invited" || contact.status === "active");
    await Email.later(
      people.map((person) => ({
        to: person.email,
        email: Email.notice({ locale: person.locale, kind, params: { agency: brand?.name ?? "", ...params }, url: Notify.links.portalVault(), brand }),
        ids: { contactId: person.contactId },
      })),
    );
  } catch (error) {
    Log.error("vault: email to the client not sent", error, { clientId, kind });
  }
}
