import ICAL from "ical.js";
import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Deferred } from "@baton/core/deferred";
import { launchChromium, newPerson, signInWithEmail, startPlatform } from "../support/browser.ts";
import { waitForEmail, type Started } from "../support/http.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// The meeting planner for several people in a real Chromium. The owner works in London, Sam in
// Kolkata, Ada (the client's contact) in New York, all 09:00–17:00 on their own clocks: in January
// London (09–17Z), Kolkata (03:30–11:30Z) and New York (14–22Z) never all work at once, so the
// planner offers the least-bad slot, and proposing it emails each an .ics invitation.

let platform: Started;
let browser: Browser;
let world: World;
let owner: Page;
const shots = process.env.BATON_SHOTS;

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "Planner Agency");
  if (shots) mkdirSync(shots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

async function shoot(page: Page, name: string) {
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    // No sideways scrolling on a phone.
    await expect.poll(() => page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), { timeout: 15_000 }).toBe(true);
    if (shots) await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

describe("the meeting planner", () => {
  it("shows each person's hours and the least-bad slot for London, Kolkata and New York", async () => {
    owner = await newPerson(browser, "Europe/London");
    await owner.goto(`${platform.baseUrl}/planner?week=2099-01-07`);
    await owner.waitForURL(/\/sign-in/);
    await signInWithEmail(owner, platform.baseUrl, world.agency.ownerEmail);
    await owner.waitForURL(/\/planner/);
    await owner.getByRole("heading", { name: "Meeting planner", level: 1 }).waitFor();
    // Any date in the week stands for its Monday.
    expect(await owner.getByTestId("planner-week").innerText()).toBe("Week of 5 January 2099");
    await owner.getByText("Choose who you are meeting").waitFor();

    await owner.getByLabel("Client", { exact: true }).selectOption({ label: "Acme Corp" });
    await owner.getByRole("checkbox", { name: /Owner Person/ }).check();
    await owner.getByRole("checkbox", { name: /Sam Writer/ }).check();
    await owner.getByRole("checkbox", { name: /Ada Client/ }).check();
    await expect.poll(() => new URL(owner.url()).searchParams.get("with")?.split(",").length, { timeout: 15_000 }).toBe(3);

    await owner.getByTestId("planner-no-shared").waitFor();
    expect(await owner.getByTestId("planner-total").innerText()).toBe("Everyone at work together this week: 0 min");
    const slot = owner.getByTestId("planner-slot");
    expect(await slot.getByRole("heading").innerText()).toBe("The least awkward time");
    expect(await owner.getByTestId("planner-slot-when").innerText()).toBe("Mon 5 Jan, 10:30–11:30");
    const people = await owner.getByTestId("planner-slot-person").allInnerTexts();
    expect(people.find((p) => p.startsWith("Ada Client"))).toContain("05:30–06:30 in New York");
    expect(people.find((p) => p.startsWith("Ada Client"))).toContain("outside their hours by 60 min");
    expect(people.find((p) => p.startsWith("Sam Writer"))).toContain("16:00–17:00 in Kolkata");
    expect(people.find((p) => p.startsWith("Sam Writer"))).toContain("within their hours");
    // The timeline: a track per person on each day, Saturday and Sunday empty.
    const monday = owner.locator('[data-testid="planner-day"][data-date="2099-01-05"]');
    expect(await monday.locator(".planner-span").count()).toBe(3);
    expect(await owner.locator('[data-testid="planner-day"][data-date="2099-01-10"] .planner-span').count()).toBe(0);
    await shoot(owner, "planner-three-zones");
  });

  it("proposes the slot: each of the three gets an invitation with the .ics", async () => {
    await owner.getByTestId("planner-propose").click();
    const dialog = owner.getByRole("dialog", { name: "Propose this slot" });
    await dialog.getByLabel("Meeting title").fill("Quarterly review");
    await dialog.getByLabel("Note (optional)").fill("Bring the numbers.");
    await dialog.getByRole("button", { name: "Send invitations" }).click();
    await owner.getByText("Invitations sent to 3 people.").waitFor();
    await expect.poll(() => dialog.isVisible(), { timeout: 15_000 }).toBe(false);
    await Deferred.settled();

    for (const address of [world.people.sub.email, world.people.contact.email, world.agency.ownerEmail]) {
      const mail = await waitForEmail(address, (e) => e.subject.includes("Quarterly review"));
      const file = mail.attachments?.find((a) => a.filename === "invite.ics");
      expect(file, address).toBeTruthy();
      const calendar = new ICAL.Component(ICAL.parse(Buffer.from(file!.content, "base64").toString("utf8")));
      expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
      const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
      expect(event.startDate.toJSDate().toISOString()).toBe("2099-01-05T10:30:00.000Z");
      expect(event.endDate.toJSDate().toISOString()).toBe("2099-01-05T11:30:00.000Z");
      expect(event.attendees.map((a) => a.getParameter("cn")).sort()).toEqual(["Ada Client", "Owner Person", "Sam Writer"]);
    }
    const ada = await waitForEmail(world.people.contact.email, (e) => e.subject.includes("Quarterly review"));
    expect(ada.body.text).toContain("05:30");
  });

  it("follows a person's own hours: Sam starting at 13:00 in Kolkata makes the three meet", async () => {
    expect((await world.sub.patch("/me", { workingWeek: { days: [1, 2, 3, 4, 5], start: "13:00", end: "21:00" } })).status).toBe(200);
    await owner.reload();
    // Kolkata 13:00–21:00 is 07:30–15:30Z: London and New York meet it 14:00–15:30Z each weekday.
    await owner.getByText("Everyone at work together this week: 7 h 30 min").waitFor();
    expect(await owner.getByTestId("planner-slot-when").innerText()).toBe("Mon 5 Jan, 14:00–15:00");
    expect(await owner.getByTestId("planner-slot").getByRole("heading").innerText()).toBe("A time that suits everyone");
  });
});

describe("a person's own working hours on the profile", () => {
  it("are set in the portal by a client's contact, and read back", async () => {
    const ada = await newPerson(browser, "America/New_York");
    await signInWithEmail(ada, `${platform.baseUrl}/portal`, world.people.contact.email);
    await ada.goto(`${platform.baseUrl}/portal/profile`);
    const card = ada.getByTestId("personal-hours");
    await card.getByRole("heading", { name: "My working hours" }).waitFor();
    expect(await card.getByTestId("personal-hours-source").innerText()).toBe("You keep the agency's hours until you save your own.");
    await card.getByRole("checkbox", { name: "Friday" }).uncheck();
    await card.getByLabel("Day starts").fill("08:00");
    await card.getByLabel("Day ends").fill("07:00");
    await card.getByRole("button", { name: "Save" }).click();
    await card.locator(".field-error").getByText("The working day must end after it starts.").waitFor();
    await card.getByLabel("Day ends").fill("16:00");
    await card.getByRole("button", { name: "Save" }).click();
    await ada.getByText("Working hours saved.").waitFor();
    await expect.poll(() => card.getByTestId("personal-hours-source").innerText(), { timeout: 15_000 }).toBe("These are your own hours.");
    expect((await world.contact.get("/me")).body.workingWeek).toEqual({ days: [1, 2, 3, 4], start: "08:00", end: "16:00" });
    await shoot(ada, "portal-profile-hours");

    await card.getByTestId("personal-hours-reset").click();
    await ada.getByText("You keep the agency's hours again.").waitFor();
    expect((await world.contact.get("/me")).body.workingWeek).toBeNull();
  });
});

describe("a task's due date to the calendar", () => {
  it("is sent from the task page to the assignee, who gets the .ics", async () => {
    const { task } = await acceptedTask(world, { title: "Board pack", dueInDays: 4 });
    expect((await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub })).status).toBe(200);
    await owner.goto(`${platform.baseUrl}/tasks/${task.id}`);
    await owner.getByTestId("send-to-calendar").click();
    await owner.getByText("Calendar invitation sent to Sam Writer.").waitFor();
    await Deferred.settled();
    const mail = await waitForEmail(world.people.sub.email, (e) => e.subject.includes("Board pack"));
    const file = mail.attachments!.find((a) => a.filename === "invite.ics")!;
    const calendar = new ICAL.Component(ICAL.parse(Buffer.from(file.content, "base64").toString("utf8")));
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
    expect(event.endDate.toJSDate().getTime()).toBe(Math.floor(Date.parse(task.dueAt) / 1000) * 1000);
    expect(event.attendees.map((a) => a.getFirstValue())).toEqual([`mailto:${world.people.sub.email}`]);
    await shoot(owner, "task-send-to-calendar");
  });
});
