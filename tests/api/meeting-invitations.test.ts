import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Deferred } from "@baton/core/deferred";
import type { CapturedEmail } from "@baton/local/mailbox";
import { startApi, waitForEmail, type Started } from "../support/http.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// The planner's server side: who can be met with and their hours, proposing a slot (an email
// with an .ics invitation to each person, in their language and zone), and a task's due date
// sent to its assignee's calendar. Each .ics is read back from the SES emulator with ical.js.
// The world: the owner in London, Sam in Kolkata, Maria in Athens, Ada (the contact) in New York.

let api: Started;
let world: World;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Invite Agency");
});
afterAll(() => api.close());

function parseInvite(mail: CapturedEmail) {
  expect(mail.attachments?.map((file) => [file.filename, file.contentType.split(";")[0]])).toEqual([["invite.ics", "text/calendar"]]);
  const text = Buffer.from(mail.attachments![0]!.content, "base64").toString("utf8");
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevent = calendar.getFirstSubcomponent("vevent")!;
  return { text, calendar, vevent, event: new ICAL.Event(vevent) };
}

describe("the planner's people", () => {
  it("lists the team and one client's people, each with the hours they keep", async () => {
    await world.contact.patch("/me", { workingWeek: { days: [1, 2, 3, 4], start: "07:00", end: "15:00" } });
    const reply = await world.owner.get(`/planner/people?client=${world.ids.client}`);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const sam = reply.body.members.find((m: any) => m.id === world.ids.sub);
    expect(sam).toEqual({ kind: "member", id: world.ids.sub, name: "Sam Writer", timeZone: "Asia/Kolkata", workingWeek: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00", holidays: [] }, ownHours: false });
    expect(reply.body.contacts).toEqual([{ kind: "contact", id: world.ids.contact, name: "Ada Client", timeZone: "America/New_York", workingWeek: { days: [1, 2, 3, 4], start: "07:00", end: "15:00" }, ownHours: true }]);
    // Without a client, only the team.
    expect((await world.owner.get("/planner/people")).body.contacts).toEqual([]);
  });

  it("refuses a client id that is not one (400) or not there (404), and everyone but the owner", async () => {
    const bad = await world.owner.get("/planner/people?client=not-a-client");
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(["client"]);
    expect((await world.owner.get("/planner/people?client=cli_01jzzzzzzzzzzzzzzzzzzzzzzz")).status).toBe(404);
    expect((await world.sub.get("/planner/people")).status).toBe(403);
    expect((await world.contact.get("/planner/people")).status).toBe(403);
  });
});

describe("proposing a slot", () => {
  it("emails each person an invitation in their language and zone, with a METHOD:REQUEST .ics naming everyone", async () => {
    await world.sub.patch("/me", { locale: "hi" });
    const start = "2099-03-10T13:00:00.000Z";
    const reply = await world.owner.post("/planner/proposals", {
      title: "Kick-off, planning; Q2",
      description: "Agenda:\nintroductions",
      start,
      minutes: 45,
      members: [world.ids.sub],
      contacts: [world.ids.contact],
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body).toEqual({ uid: expect.stringMatching(/@baton$/), start, end: "2099-03-10T13:45:00.000Z", invited: 2 });
    await Deferred.settled();

    const ada = await waitForEmail(world.people.contact.email, (e) => e.subject.includes("Kick-off"));
    // New York is on EDT on 10 March 2099 (from 8 March): 09:00–09:45.
    expect(ada.subject).toContain("Invitation: Kick-off, planning; Q2");
    expect(ada.body.text).toContain("9:00");
    expect(ada.body.text).toContain("Sam Writer");
    const invite = parseInvite(ada);
    expect(invite.calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(invite.event.uid).toBe(reply.body.uid);
    expect(invite.event.summary).toBe("Kick-off, planning; Q2");
    expect(invite.event.description).toBe("Agenda:\nintroductions");
    expect(invite.event.startDate.toJSDate().toISOString()).toBe(start);
    expect(invite.event.endDate.toJSDate().toISOString()).toBe("2099-03-10T13:45:00.000Z");
    expect(invite.vevent.getFirstPropertyValue("dtstamp")).toBeTruthy();
    const organizer = invite.vevent.getFirstProperty("organizer")!;
    expect(organizer.getFirstValue()).toBe(`mailto:${world.agency.ownerEmail}`);
    expect(organizer.getParameter("cn")).toBe("Owner Person");
    const attendees = invite.vevent.getAllProperties("attendee").map((p) => [p.getFirstValue(), p.getParameter("cn"), p.getParameter("partstat"), p.getParameter("rsvp")]);
    expect(attendees).toEqual([
      [`mailto:${world.people.sub.email}`, "Sam Writer", "NEEDS-ACTION", "TRUE"],
      [`mailto:${world.people.contact.email}`, "Ada Client", "NEEDS-ACTION", "TRUE"],
    ]);
    // Lines end in CRLF and none is longer than 75 octets.
    expect(invite.text.split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);

    // Sam reads it in Hindi, on Kolkata's clock (18:30).
    const sam = await waitForEmail(world.people.sub.email, (e) => e.subject.includes("Kick-off"));
    expect(sam.subject).toContain("निमंत्रण");
    expect(sam.body.text).toContain("6:30");
    expect(parseInvite(sam).event.uid).toBe(reply.body.uid);
  });

  it("refuses no one to invite, a slot gone by, unknown people and people of two clients, sending nothing", async () => {
    const other = await world.owner.post("/clients", { name: "Other Co", code: `OC${Date.now() % 100000}`, timeZone: "Europe/Paris", currency: "EUR", status: "active" });
    const otherContact = await world.owner.post(`/clients/${other.body.id}/contacts`, { email: `x${Date.now()}@other.example`, name: "Oli", timeZone: "Europe/Paris" });
    const base = { title: "T", start: "2099-01-01T10:00:00Z", minutes: 30 };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base }, "members"],
      [{ ...base, start: "2020-01-01T10:00:00Z", members: [world.ids.sub] }, "start"],
      [{ ...base, minutes: 600, members: [world.ids.sub] }, "minutes"],
      [{ ...base, title: "  ", members: [world.ids.sub] }, "title"],
      [{ ...base, members: ["mem_01jzzzzzzzzzzzzzzzzzzzzzzz"] }, "members.0"],
      [{ ...base, contacts: [world.ids.contact, otherContact.body.id] }, "contacts"],
    ];
    for (const [body, field] of cases) {
      const reply = await world.owner.post("/planner/proposals", body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(reply.body.error.fields ?? {}), JSON.stringify(reply.body)).toContain(field);
    }
    expect((await world.sub.post("/planner/proposals", { ...base, members: [world.ids.sub] })).status).toBe(403);
  });
});

describe("a task's due date to the calendar", () => {
  it("goes to the assignee as a timed invitation ending at the deadline, from the owner or the assignee", async () => {
    const { task } = await acceptedTask(world, { title: "Quarterly report", dueInDays: 3 });
    const unassigned = await world.owner.post(`/tasks/${task.id}/calendar-invitation`);
    expect(unassigned.status).toBe(409);
    expect(unassigned.body.error.code).toBe("task.unassigned");
    await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub });

    const reply = await world.owner.post(`/tasks/${task.id}/calendar-invitation`);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body).toEqual({ uid: `due-${task.id}@baton`, to: "Sam Writer" });
    await Deferred.settled();
    const mail = await waitForEmail(world.people.sub.email, (e) => e.subject.includes("Quarterly report"));
    const invite = parseInvite(mail);
    expect(invite.calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    // Whole seconds, as iCalendar keeps them.
    expect(invite.event.endDate.toJSDate().toISOString()).toBe(new Date(Math.floor(Date.parse(task.dueAt) / 1000) * 1000).toISOString());
    expect(invite.event.endDate.toJSDate().getTime() - invite.event.startDate.toJSDate().getTime()).toBe(30 * 60_000);
    expect(invite.event.startDate.isDate).toBe(false);
    expect(invite.event.attendees.map((p) => p.getFirstValue())).toEqual([`mailto:${world.people.sub.email}`]);

    // The assignee may send it to themselves; another member may not see the task at all.
    expect((await world.sub.post(`/tasks/${task.id}/calendar-invitation`)).status).toBe(200);
    expect((await world.reviewer.post(`/tasks/${task.id}/calendar-invitation`)).status).toBe(404);
    expect((await world.contact.post(`/tasks/${task.id}/calendar-invitation`)).status).toBe(403);
  });
});
