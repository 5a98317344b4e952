// An iCalendar invitation (RFC 5545 with iTIP's METHOD:REQUEST, RFC 5546): one event with its
// organizer and attendees, attached to an email so Google Calendar, Outlook and Apple Calendar
// offer to add it. Times are UTC ("…Z"), which every client reads without a VTIMEZONE; an all-day
// event is a DATE. Pure: no I/O.

import { dateValue, escapeText, fold, utcStamp, type IcsTime } from "./ics.ts";

export type InvitePerson = { name: string; email: string };

export type Invitation = {
  uid: string;
  /** When the invitation was made (UTC ISO). */
  stamp: string;
  start: IcsTime;
  end: IcsTime;
  summary: string;
  description?: string;
  url?: string;
  organizer: InvitePerson;
  attendees: InvitePerson[];
  /** Bumped when the same event is sent again changed. */
  sequence?: number;
};

/** A parameter value (CN): quoted, without the characters a quoted value can't hold. */
const param = (value: string) => `"${value.replace(/[\u0000-\u001f\u007f"]/g, "").trim()}"`;
/** A mail address as a CAL-ADDRESS: never a line break or a character that ends the value. */
const mailto = (email: string) => `mailto:${email.replace(/[\s;:,"<>]/g, "")}`;

function time(name: "DTSTART" | "DTEND", value: IcsTime): string {
  return "at" in value ? `${name}:${utcStamp(value.at)}` : `${name};VALUE=DATE:${dateValue(value.date)}`;
}

/** The whole `text/calendar; method=REQUEST` document. */
export function invitation(invite: Invitation): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "PRODID:-//Baton//Invitations//EN",
    "VERSION:2.0",
    "CALSCALE:GREGORIAN",
    "METHOD:REQUEST",
    "BEGIN:VEVENT",
    `UID:${escapeText(invite.uid)}`,
    `DTSTAMP:${utcStamp(invite.stamp)}`,
    `SEQUENCE:${invite.sequence ?? 0}`,
    time("DTSTART", invite.start),
    time("DTEND", invite.end),
    `SUMMARY:${escapeText(invite.summary)}`,
    ...(invite.description ? [`DESCRIPTION:${escapeText(invite.description)}`] : []),
    ...(invite.url ? [`URL;VALUE=URI:${invite.url.replace(/[\r\n]/g, "")}`] : []),
    `ORGANIZER;CN=${param(invite.organizer.name)}:${mailto(invite.organizer.email)}`,
    ...invite.attendees.map((person) => `ATTENDEE;CN=${param(person.name)};CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:${mailto(person.email)}`),
    "STATUS:CONFIRMED",
    // An all-day due date shouldn't block the day; a meeting should.
    "start" in invite && "date" in invite.start ? "TRANSP:TRANSPARENT" : "TRANSP:OPAQUE",
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(fold).join("\r\n") + "\r\n";
}

/** The invitation as an email attachment (base64, as the outbox keeps it). */
export function invitationAttachment(invite: Invitation): { filename: string; contentType: string; content: string } {
  return { filename: "invite.ics", contentType: "text/calendar; charset=UTF-8; method=REQUEST", content: Buffer.from(invitation(invite), "utf8").toString("base64") };
}
