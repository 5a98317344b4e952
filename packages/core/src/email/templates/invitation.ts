import type { Locale } from "../index.ts";
import { render, type Attachment, type EmailBrand, type RenderedEmail } from "../layout.ts";
import { message } from "../messages.ts";
import { readableWhen } from "../when.ts";

// A calendar invitation by email: when, on the reader's clock and in their language, who else is
// invited, and the .ics attached (calendar/invite.ts) for their calendar app to add.

export type InvitationEmailInput = {
  locale: Locale;
  timeZone: string;
  kind: "meeting" | "taskDue";
  title: string;
  /** A timed event's instants, or an all-day event's date. */
  when: { start: string; end: string } | { date: string };
  organizer: string;
  agency: string;
  others: string[];
  description?: string;
  url?: string;
  attachment: Attachment;
  brand?: EmailBrand | null;
};

function readableRange(when: InvitationEmailInput["when"], locale: Locale, timeZone: string): string {
  if ("date" in when) {
    return new Intl.DateTimeFormat(locale, { timeZone: "UTC", weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(new Date(`${when.date}T12:00:00Z`));
  }
  const end = new Intl.DateTimeFormat(locale, { timeZone, hour: "2-digit", minute: "2-digit" }).format(new Date(when.end));
  return `${readableWhen(when.start, locale, timeZone)} – ${end}`;
}

export function invitationEmail(input: InvitationEmailInput): RenderedEmail {
  const { locale } = input;
  const params = { title: input.title, when: readableRange(input.when, locale, input.timeZone), organizer: input.organizer, agency: input.agency, others: input.others.join(", ") };
  const prefix = input.kind === "meeting" ? "meetingInvite" : "dueInvite";
  const email = render(
    message(locale, `${prefix}.subject`, params),
    [
      { type: "paragraph", text: message(locale, `${prefix}.intro`, params) },
      ...(input.others.length ? [{ type: "paragraph" as const, text: message(locale, "meetingInvite.others", params) }] : []),
      ...(input.description ? [{ type: "paragraph" as const, text: input.description }] : []),
      ...(input.url ? [{ type: "button" as const, label: message(locale, "dueInvite.button"), url: input.url }] : []),
      { type: "note", text: message(locale, "meetingInvite.attached") },
    ],
    locale,
    input.brand,
  );
  return { ...email, attachments: [input.attachment] };
}
