import { Config } from "../config/index.ts";
import type { TransactionEntities } from "../db/index.ts";
import { Identity } from "../identity/index.ts";
import { Email, type Notice } from "../email/index.ts";
import { readableWhen } from "../email/when.ts";
import { loadEmailMessages } from "../email/messages.ts";
import type { MemberItem } from "../member/entity.ts";
import type { ContactItem } from "../contact/entity.ts";
import { Log } from "../log/index.ts";
import { ContactStore } from "../contact/store.ts";
import { Brand } from "../agency/brand/index.ts";
import { wants, type EmailSwitches } from "./preferences.ts";

export * as Notify from "./index.ts";

// Hand-off emails. Each goes to the people who hold the baton next, with a deep link to where
// they act, unless they turned notifications off. They are kept in the outbox once the change is
// saved and sent after the response (Email.later); a failed send is retried from the outbox and
// never undoes the hand-off.

type Person = Pick<MemberItem | ContactItem, "email" | "locale" | "status" | "timeZone"> & EmailSwitches;
type Params = Record<string, string> | ((person: Person) => Record<string, string>);

/** A UTC instant as the recipient reads it: their language, their time zone, zone named. */
export function when(iso: string, person: Pick<Person, "locale" | "timeZone">): string {
  return readableWhen(iso, person.locale, person.timeZone);
}

const reachable = (person: Person | null | undefined): person is Person =>
  Boolean(person) && person!.status !== "removed" && person!.status !== "deactivated" && wants(person!, "handoffs");

export const links = {
  webRequest: (requestId: string) => `${Config.webUrl}/requests/${requestId}`,
  webTask: (taskId: string) => `${Config.webUrl}/tasks/${taskId}`,
  portalRequest: (requestId: string) => `${Config.portalUrl}/requests/${requestId}`,
  webInvoice: (invoiceId: string) => `${Config.webUrl}/invoices/${invoiceId}`,
  portalInvoice: (invoiceId: string) => `${Config.portalUrl}/invoices/${invoiceId}`,
  webQuote: (quoteId: string) => `${Config.webUrl}/quotes/${quoteId}`,
  portalQuote: (quoteId: string) => `${Config.portalUrl}/quotes/${quoteId}`,
  portalVault: () => `${Config.portalUrl}/vault`,
};

/** The agency's email brand (its name, sender, look); null if the agency is gone. */
async function brandOf(agencyId: string) {
  const item = await Identity.agency(agencyId);
  return item ? Brand.emailBrandOf(item) : null;
}

export async function owners(agencyId: string): Promise<MemberItem[]> {
  return (await Identity.team(agencyId)).filter((member) => member.role === "owner");
}

export async function member(agencyId: string, memberId: string): Promise<MemberItem | null> {
  if (!memberId.startsWith("mem_")) return null;
  return Identity.member(agencyId, memberId);
}

export async function contactsOf(agencyId: string, clientId: string): Promise<ContactItem[]> {
  return ContactStore.ofClient(agencyId, clientId);
}

export async function contact(agencyId: string, contactId: string): Promise<ContactItem | null> {
  if (!contactId.startsWith("con_")) return null;
  return ContactStore.load(agencyId, contactId);
}

/** Sends `kind` to every reachable person; never throws. */
export async function send(
  agencyId: string,
  kind: Notice,
  people: ReadonlyArray<Person | null | undefined>,
  params: Params,
  url: string,
): Promise<void> {
  try {
    await Email.later(await render(agencyId, kind, people, params, url));
  } catch (error) {
    Log.error(`notify: ${kind} email not sent`, error);
  }
}

/**
 * As `send`, in two halves for a change written in one transaction: `prepare` renders the emails
 * beforehand (a notice that can't be rendered is logged and left out: it never fails the change),
 * `queueIn` gives the outbox items for the transaction and `after` sends them once it committed.
 */
export async function prepare(
  agencyId: string,
  kind: Notice,
  people: ReadonlyArray<Person | null | undefined>,
  params: Params,
  url: string,
): Promise<Prepared> {
  try {
    return await render(agencyId, kind, people, params, url);
  } catch (error) {
    Log.error(`notify: ${kind} email not sent`, error);
    return [];
  }
}

export type Prepared = Awaited<ReturnType<typeof render>>;

/** Sends what `prepare` rendered, for a change whose transaction could not carry it (outbox first, sent after the response); never throws. */
export async function sendPrepared(prepared: Prepared): Promise<void> {
  try {
    await Email.later(prepared);
  } catch (error) {
    Log.error("notify: emails not sent", error);
  }
}

export const queueIn = (tx: Pick<TransactionEntities, "outboxEmail">, prepared: Prepared) => Email.laterIn(tx, prepared);

/** One email per reachable address, in the person's language, under the agency's brand. */
async function render(agencyId: string, kind: Notice, people: ReadonlyArray<Person | null | undefined>, params: Params, url: string) {
  const [brand] = await Promise.all([brandOf(agencyId), ...people.filter(reachable).map((person) => loadEmailMessages(person.locale))]);
  const agency = brand?.name ?? "";
  const seen = new Set<string>();
  const messages = [];
  for (const person of people.filter(reachable)) {
    if (seen.has(person.email)) continue;
    seen.add(person.email);
    const values = typeof params === "function" ? params(person) : params;
    messages.push({ to: person.email, email: Email.notice({ locale: person.locale, kind, params: { agency, ...values }, url, brand }) });
  }
  return messages;
}
