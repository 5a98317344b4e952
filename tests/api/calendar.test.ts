import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, signIn, startApi, type Started } from "../support/http.ts";
import { createAgency } from "../support/fixtures.ts";
import { createWorld, type World } from "../support/world.ts";

// The deadline calendar over HTTP: a month of deadlines counted in the viewer's zone, who sees
// which tasks, and the private iCalendar feeds read back by a real parser (ical.js).

let api: Started;
let world: World;

type Task = { id: string; reference: string; title: string; dueAt: string; requestId: string; version: number };

// Europe/London is on BST (UTC+1) in summer: 23:30 UTC on 31 July is already 1 August there.
const justBeforeMidnightUtc = "2027-07-31T23:30:00.000Z";
const justAfterMidnightUtc = "2027-08-01T00:15:00.000Z";
const tricky = "Write the newsletter, part 1; draft\\final";

let late: Task; // due just after midnight UTC, assigned to the subcontractor
let early: Task; // due just before midnight UTC, unassigned
let otherClientTask: Task;
let otherClientId: string;
let wantedRequestId: string;

/** A request from `by` (the contact, or the owner for `clientId`) accepted as one task due `dueAt`. */
async function accepted(dueAt: string, title: string, options: { clientId?: string; desiredDueDate?: string } = {}): Promise<Task> {
  const by = options.clientId ? world.owner : world.contact;
  const submitted = await by.post("/requests", {
    ...(options.clientId ? { clientId: options.clientId } : {}),
    title,
    description: "Calendar work",
    service: "Content",
    ...(options.desiredDueDate ? { desiredDueDate: options.desiredDueDate } : {}),
  });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
  const reply = await world.owner.post(`/requests/${submitted.body.id}/accept`, {
    version: submitted.body.version,
    tasks: [{ title, estimateHours: 2, dueAt }],
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body.tasks[0];
}

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Calendar Agency");
  late = await accepted(justAfterMidnightUtc, tricky, { desiredDueDate: "2027-08-02" });
  wantedRequestId = late.requestId;
  const assigned = await world.owner.post(`/tasks/${late.id}/assign`, { version: late.version, memberId: world.ids.sub });
  expect(assigned.status).toBe(200);
  early = await accepted(justBeforeMidnightUtc, "Plan the launch");
  const other = await world.owner.post("/clients", { name: "Other Co", code: `OC${Date.now() % 100000}`, timeZone: "UTC", currency: "USD", status: "active" });
  otherClientId = other.body.id;
  otherClientTask = await accepted("2027-08-10T12:00:00.000Z", "Other client's report", { clientId: otherClientId });
});
afterAll(() => api.close());

const ids = (reply: { body: { tasks: { id: string }[] } }) => reply.body.tasks.map((task) => task.id);

describe("the month view", () => {
  it("puts each deadline on its day in the viewer's zone", async () => {
    const august = await world.owner.get("/calendar/month?month=2027-08");
    expect(august.status).toBe(200);
    expect(august.body).toMatchObject({ month: "2027-08", timeZone: "Europe/London", start: "2027-07-31T23:00:00.000Z", end: "2027-08-31T23:00:00.000Z" });
    expect(ids(august)).toEqual([early.id, late.id, otherClientTask.id]);
    const first = august.body.tasks[0];
    expect(first).toMatchObject({
      id: early.id,
      reference: early.reference,
      title: "Plan the launch",
      dueAt: justBeforeMidnightUtc,
      date: "2027-08-01",
      client: { id: world.ids.client, name: "Acme Corp" },
      assignee: null,
      status: "todo",
      urgent: false,
    });
    expect(august.body.tasks[1]).toMatchObject({ id: late.id, date: "2027-08-01", assignee: { id: world.ids.sub, name: "Sam Writer" }, status: "in_progress" });
    // 23:30 UTC on 31 July is not July in London.
    expect(ids(await world.owner.get("/calendar/month?month=2027-07"))).toEqual([]);
  });

  it("moves a task due just after midnight UTC into the previous month for a viewer west of UTC", async () => {
    const me = await world.owner.get("/me");
    await world.owner.patch("/me", { timeZone: "America/New_York" });
    try {
      const july = await world.owner.get("/calendar/month?month=2027-07");
      expect(july.body.timeZone).toBe("America/New_York");
      expect(july.body.tasks.map((task: { id: string; date: string }) => [task.id, task.date])).toEqual([
        [early.id, "2027-07-31"],
        [late.id, "2027-07-31"],
      ]);
      expect(ids(await world.owner.get("/calendar/month?month=2027-08"))).toEqual([otherClientTask.id]);
    } finally {
      await world.owner.patch("/me", { timeZone: me.body.timeZone });
    }
  });

  it("filters by client and by member for the owner", async () => {
    expect(ids(await world.owner.get(`/calendar/month?month=2027-08&clientId=${otherClientId}`))).toEqual([otherClientTask.id]);
    expect(ids(await world.owner.get(`/calendar/month?month=2027-08&memberId=${world.ids.sub}`))).toEqual([late.id]);
    expect(ids(await world.owner.get("/calendar/month?month=2027-08&memberId=unassigned"))).toEqual([early.id, otherClientTask.id]);
    expect(ids(await world.owner.get(`/calendar/month?month=2027-08&memberId=unassigned&clientId=${world.ids.client}`))).toEqual([early.id]);
  });

  it("shows a subcontractor only their own tasks, in their zone", async () => {
    const august = await world.sub.get("/calendar/month?month=2027-08");
    expect(august.status).toBe(200);
    expect(august.body.timeZone).toBe("Asia/Kolkata");
    expect(ids(august)).toEqual([late.id]);
    expect(august.body.tasks[0].date).toBe("2027-08-01");
    // Asking for someone else's calendar is refused; a client filter still only narrows their own.
    expect((await world.sub.get(`/calendar/month?month=2027-08&memberId=${world.ids.reviewer}`)).status).toBe(403);
    expect(ids(await world.sub.get(`/calendar/month?month=2027-08&clientId=${otherClientId}`))).toEqual([]);
    expect((await world.contact.get("/calendar/month?month=2027-08")).status).toBe(403);
  });

  it("is not found for another agency's client or member, and shows that agency nothing of ours", async () => {
    const other = await createAgency("Other Calendar Agency");
    const outsider = new ApiClient(api.baseUrl);
    await signIn(outsider, other.ownerEmail);
    expect((await outsider.get(`/calendar/month?month=2027-08&clientId=${world.ids.client}`)).status).toBe(404);
    expect((await outsider.get(`/calendar/month?month=2027-08&memberId=${world.ids.sub}`)).status).toBe(404);
    const own = await outsider.get("/calendar/month?month=2027-08");
    expect(own.status).toBe(200);
    expect(own.body.tasks).toEqual([]);
  });

  it("defaults to this month in the viewer's zone", async () => {
    const reply = await world.owner.get("/calendar/month");
    expect(reply.status).toBe(200);
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
    expect(reply.body).toMatchObject({ month: today.slice(0, 7), today, timeZone: "Europe/London" });
  });

  it("rejects a month that is not YYYY-MM", async () => {
    for (const month of ["2027-13", "2027-8", "august", ""]) {
      const reply = await world.owner.get(`/calendar/month?month=${month}`);
      expect(reply.status, month).toBe(400);
      expect(reply.body.error.fields.month).toEqual(expect.any(String));
    }
  });
});

/** Fetches a feed the way a calendar app does: no cookie, no app header. */
async function fetchFeed(url: string) {
  const response = await fetch(url.replace(/^https?:\/\/[^/]+/, api.baseUrl));
  return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
}

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent));
}

async function feedUrlOf(client: ApiClient): Promise<string> {
  const reply = await client.post("/calendar/feed-url");
  expect(reply.status).toBe(200);
  expect(reply.body.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/calendar\/feeds\/agy_\w+\.(mem|con)_\w+\.[\w-]{43}\.ics$/);
  return reply.body.url;
}

describe("private feeds", () => {
  let ownerUrl: string;

  it("gives the owner a feed of every open task, read by a real iCalendar parser with UTC times", async () => {
    ownerUrl = await feedUrlOf(world.owner);
    const feed = await fetchFeed(ownerUrl);
    expect(feed.status).toBe(200);
    expect(feed.type).toBe("text/calendar; charset=utf-8");
    const events = parse(feed.text);
    expect(events.map((event) => event.uid).sort()).toEqual([early.id, late.id, otherClientTask.id].map((id) => `${id}@baton`).sort());
    for (const task of [early, late, otherClientTask]) {
      const event = events.find((e) => e.uid === `${task.id}@baton`)!;
      expect(event.startDate.zone?.tzid).toBe("UTC");
      expect(event.startDate.toJSDate().toISOString()).toBe(task.dueAt);
      expect(event.endDate.toJSDate().getTime()).toBeGreaterThan(event.startDate.toJSDate().getTime());
    }
    const newsletter = events.find((e) => e.uid === `${late.id}@baton`)!;
    // Commas, semicolons and a backslash survive escaping.
    expect(newsletter.summary).toBe(`${late.reference} · ${tricky}`);
    expect(newsletter.description).toContain("Client: Acme Corp");
    expect(newsletter.description).toContain("Status: In progress");
    expect(newsletter.component.getFirstPropertyValue("url")).toBe(`${api.baseUrl}/tasks/${late.id}`);
    expect(newsletter.component.getFirstPropertyValue("dtstamp")).toBeTruthy();
    // RFC 5545 framing: CRLF line endings, no line over 75 octets.
    expect(feed.text.endsWith("\r\n")).toBe(true);
    expect(feed.text.split("\r\n").every((line) => !line.includes("\n") && Buffer.byteLength(line) <= 75)).toBe(true);
  });

  it("shows the URL only when it is made; asking again does not replace it", async () => {
    const again = await world.owner.post("/calendar/feed-url");
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ url: null, createdAt: expect.any(String) });
    expect((await fetchFeed(ownerUrl)).status).toBe(200);
  });

  it("gives a subcontractor only the tasks assigned to them", async () => {
    const events = parse((await fetchFeed(await feedUrlOf(world.sub))).text);
    expect(events.map((event) => event.uid)).toEqual([`${late.id}@baton`]);
  });

  it("gives a client contact their company's deadlines and asked-for dates, nothing of other clients", async () => {
    const url = await feedUrlOf(world.contact);
    const feed = await fetchFeed(url);
    expect(feed.status).toBe(200);
    const events = parse(feed.text);
    expect(events.map((event) => event.uid).sort()).toEqual([`${early.id}@baton`, `${late.id}@baton`, `${wantedRequestId}-wanted@baton`].sort());
    const task = events.find((e) => e.uid === `${late.id}@baton`)!;
    expect(task.startDate.toJSDate().toISOString()).toBe(late.dueAt);
    expect(task.summary).toBe(`${late.reference} · ${tricky}`);
    // No names of the team in a client's feed.
    expect(feed.text).not.toContain("Sam Writer");
    expect(task.component.getFirstPropertyValue("url")).toBe(`${api.baseUrl}/portal/requests/${late.requestId}`);
    const wanted = events.find((e) => e.uid === `${wantedRequestId}-wanted@baton`)!;
    expect(wanted.startDate.isDate).toBe(true);
    expect(wanted.startDate.toString()).toBe("2027-08-02");
    expect(feed.text).not.toContain("Other client");
  });

  it("rotating makes the old URL 404 and the new one work", async () => {
    const rotated = await world.owner.post("/calendar/feed-url/rotate");
    expect(rotated.status).toBe(201);
    expect(rotated.body.url).not.toBe(ownerUrl);
    const old = await fetchFeed(ownerUrl);
    expect(old.status).toBe(404);
    expect(JSON.parse(old.text).error.code).toBe("not_found");
    expect((await fetchFeed(rotated.body.url)).status).toBe(200);
    // Without the .ics ending too.
    expect((await fetchFeed(rotated.body.url.replace(/\.ics$/, ""))).status).toBe(200);
    ownerUrl = rotated.body.url;
  });

  it("answers forged, malformed and misplaced tokens with the same 404", async () => {
    const [, agency, subject, secret] = /feeds\/(agy_\w+)\.((?:mem|con)_\w+)\.([\w-]{43})\.ics$/.exec(ownerUrl)!;
    const base = `${api.baseUrl}/api/calendar/feeds/`;
    const flipped = secret!.slice(0, -1) + (secret!.endsWith("A") ? "B" : "A");
    const forged = [
      `${agency}.${subject}.${flipped}.ics`,
      `${agency}.${world.ids.sub}.${secret}.ics`,
      `agy_01jzzzzzzzzzzzzzzzzzzzzzzz.${subject}.${secret}.ics`,
      `${agency}.${subject}.short.ics`,
      "not-a-token",
    ];
    const bodies = new Set<string>();
    for (const token of forged) {
      const reply = await fetchFeed(base + token);
      expect(reply.status, token).toBe(404);
      bodies.add(reply.text);
    }
    expect(bodies.size).toBe(1);
  });

  it("needs a person: signed out is 401", async () => {
    const anonymous = new ApiClient(api.baseUrl);
    expect((await anonymous.post("/calendar/feed-url")).status).toBe(401);
    // Making the feed is a write: a GET (a prefetch, a crawler, a logged URL) does nothing.
    expect((await world.owner.get("/calendar/feed-url")).status).toBe(404);
    expect((await anonymous.post("/calendar/feed-url/rotate")).status).toBe(401);
  });

  it("stops a removed member's feed", async () => {
    const url = (await world.reviewer.post("/calendar/feed-url")).body.url as string;
    expect((await fetchFeed(url)).status).toBe(200);
    const removed = await world.owner.delete(`/members/${world.ids.reviewer}`);
    expect(removed.status).toBe(200);
    expect((await fetchFeed(url)).status).toBe(404);
  });
});
