// Which emails a person wants, by kind. Each kind is a switch on their profile; sign-in links
// and invitations are not a kind (they always arrive). Kinds never set keep what the single
// switch of old meant: "email notifications" off also stopped digests and surveys.

export const EmailKinds = ["handoffs", "messages", "digests", "surveys", "invoices"] as const;
export type EmailKind = (typeof EmailKinds)[number];

/** The switches as a member or contact item holds them (absent: never set). */
export type EmailSwitches = {
  emailNotifications?: boolean;
  messageEmails?: boolean;
  digestEmails?: boolean;
  surveyEmails?: boolean;
  invoiceEmails?: boolean;
};

/** Whether the person wants emails of `kind`. */
export function wants(person: EmailSwitches, kind: EmailKind): boolean {
  switch (kind) {
    case "handoffs":
      return person.emailNotifications !== false;
    case "messages":
      return person.messageEmails !== false;
    case "digests":
      return person.digestEmails ?? person.emailNotifications !== false;
    case "surveys":
      return person.surveyEmails ?? person.emailNotifications !== false;
    case "invoices":
      return person.invoiceEmails !== false;
  }
}

/**
 * Who of a client's people gets an invoice's emails: those who want them. An invoice always
 * reaches someone, though: when nobody wants them and the client has no billing address, every
 * one of its people still gets them (a contact can't silence the client's invoices alone).
 */
export function invoiceReaders<T extends EmailSwitches & { email: string }>(people: T[], billingAddresses: number): T[] {
  const wanting = people.filter((person) => wants(person, "invoices"));
  return wanting.length || billingAddresses ? wanting : people;
}
