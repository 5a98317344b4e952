import { formatDuration } from "@baton/kernel/duration";
import type { ClientItem } from "../client/entity.ts";
import { Config } from "../config/index.ts";
import type { Locale } from "../email/index.ts";
import { Log } from "../log/index.ts";
import { Notify } from "../notify/index.ts";
import { AlertsStore } from "./alerts-store.ts";
import { consentUrl } from "./consent-link.ts";
import { monthName, overageFor, usageOf, type Usage } from "./overage.ts";
import { HourBankStore } from "./store.ts";

// Threshold alerts: when a period's used hours cross 75 %, 90 % and 100 % of the hours it holds,
// the client's billing contacts and the agency's owners get one email per threshold per period.
// The rule for several thresholds crossed at once (a long entry, a late refresh): only the
// highest is emailed, and the lower ones are marked sent without an email, so they never arrive
// late. Each mark is a conditional put (client + period + threshold), so refreshing the used
// minutes again, or twice at once, emails nothing more. Emails go through the outbox.

export const THRESHOLDS = [75, 90, 100] as const;

/** The thresholds a period's use has reached (none while it holds no hours). */
export function reached(usage: Usage): number[] {
  if (usage.availableMinutes <= 0) return [];
  return THRESHOLDS.filter((threshold) => usage.usedMinutes * 100 >= threshold * usage.availableMinutes);
}

/**
 * Called once the ledger has recorded a use (HourBank.recordApprovedUse) or the owner took hours away: marks and emails the
 * thresholds newly crossed. Never throws: an alert that fails is logged and never fails the
 * ledger's write.
 */
export async function afterUse(client: ClientItem, period: string, now: Date): Promise<void> {
  try {
    const usage = usageOf(await HourBankStore.entriesOf(client.agencyId, client.clientId), period);
    const crossed = reached(usage);
    if (!crossed.length) return;
    const done = new Set(await AlertsStore.alertsOf(client.agencyId, client.clientId, period));
    const fresh = crossed.filter((threshold) => !done.has(threshold));
    if (!fresh.length) return;
    const highest = Math.max(...crossed);
    let send = false;
    // Highest first: whichever refresh marks the highest is the one that emails it.
    for (const threshold of [...fresh].sort((a, b) => b - a)) {
      const marked = await AlertsStore.markAlert(client.agencyId, client.clientId, period, threshold, threshold === highest, usage.usedMinutes, usage.availableMinutes);
      if (marked && threshold === highest) send = true;
    }
    if (send) await email(client, period, highest, usage, now);
  } catch (error) {
    Log.error("hour bank: threshold alert not sent", error);
  }
}

async function email(client: ClientItem, period: string, threshold: number, usage: Usage, now: Date): Promise<void> {
  const { agencyId, clientId } = client;
  const [{ overage }, contacts, owners] = await Promise.all([overageFor(agencyId, clientId), Notify.contactsOf(agencyId, clientId), Notify.owners(agencyId)]);
  const people = contacts.filter((contact) => contact.status === "invited" || contact.status === "active");
  const known = new Set(people.map((contact) => contact.email));
  // Billing addresses need no portal account; they read in the language of the client's people.
  const billing = (client.billingEmails ?? [])
    .filter((address) => !known.has(address))
    .map((address) => ({ email: address, locale: people[0]?.locale ?? ("en" as const), timeZone: client.timeZone, status: "active" as const }));
  const params = (person: { locale: Locale; timeZone: string }) => ({
    client: client.name,
    percent: String(threshold),
    used: formatDuration(usage.usedMinutes, person.locale),
    available: formatDuration(usage.availableMinutes, person.locale),
    month: monthName(period, person.locale),
    when: Notify.when(now.toISOString(), person),
    max: overage.mode === "ask" ? formatDuration(overage.askMinutes, person.locale) : "",
  });
  const asking = threshold === 100 && overage.mode === "ask";
  const clientKind = asking ? "hoursAsk" : threshold === 100 ? (overage.mode === "pause" ? "hoursPaused" : "hoursUsedUp") : "hoursAlert";
  const clientUrl = asking ? consentUrl(agencyId, clientId, period, now) : `${Config.portalUrl}/hours`;
  await Notify.send(agencyId, clientKind, [...people, ...billing], params, clientUrl);
  await Notify.send(agencyId, threshold === 100 ? "hoursUsedUpOwner" : "hoursAlertOwner", owners, params, `${Config.webUrl}/clients/${clientId}`);
}
