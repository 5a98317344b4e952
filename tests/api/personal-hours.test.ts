import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type Started } from "../support/http.ts";
import { createWorld, type World } from "../support/world.ts";

// Members and client contacts keep their own working week on their profile, on their own clock;
// until they do, they keep the agency's (Monday–Friday 09:00–17:00 in a new agency).

let api: Started;
let world: World;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Hours Agency");
});
afterAll(() => api.close());

describe("a person's own working hours", () => {
  it("start as the agency's (none of their own) and are saved, read back and given back", async () => {
    const before = await world.sub.get("/me");
    expect(before.status).toBe(200);
    expect(before.body.workingWeek).toBeNull();

    const saved = await world.sub.patch("/me", { workingWeek: { days: [6, 1, 2], start: "12:00", end: "20:30" } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.workingWeek).toEqual({ days: [1, 2, 6], start: "12:00", end: "20:30" });
    expect((await world.sub.get("/me")).body.workingWeek).toEqual({ days: [1, 2, 6], start: "12:00", end: "20:30" });

    // Other changes leave the week alone.
    const renamed = await world.sub.patch("/me", { name: "Sam Writer" });
    expect(renamed.body.workingWeek).toEqual({ days: [1, 2, 6], start: "12:00", end: "20:30" });

    const reset = await world.sub.patch("/me", { workingWeek: null });
    expect(reset.status).toBe(200);
    expect(reset.body.workingWeek).toBeNull();
    expect((await world.sub.get("/me")).body.workingWeek).toBeNull();
  });

  it("are a client contact's too", async () => {
    const saved = await world.contact.patch("/me", { workingWeek: { days: [1, 2, 3, 4], start: "07:00", end: "15:00" } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.workingWeek).toEqual({ days: [1, 2, 3, 4], start: "07:00", end: "15:00" });
  });

  it("refuse a day that ends before it starts, no days, and unknown days or times, naming the field", async () => {
    const cases: [unknown, string][] = [
      [{ days: [1], start: "17:00", end: "09:00" }, "workingWeek.end"],
      [{ days: [1], start: "09:00", end: "09:00" }, "workingWeek.end"],
      [{ days: [], start: "09:00", end: "17:00" }, "workingWeek.days"],
      [{ days: [8], start: "09:00", end: "17:00" }, "workingWeek.days.0"],
      [{ days: [1, 1], start: "09:00", end: "17:00" }, "workingWeek.days"],
      [{ days: [1], start: "9am", end: "17:00" }, "workingWeek.start"],
      [{ days: [1], start: "09:00", end: "25:00" }, "workingWeek.end"],
      [{ days: [1], start: "09:00", end: "17:00", zone: "Mars" }, "workingWeek.zone"],
    ];
    for (const [workingWeek, field] of cases) {
      const reply = await world.owner.patch("/me", { workingWeek });
      expect(reply.status, JSON.stringify(workingWeek)).toBe(400);
      expect(reply.body.error.code).toBe("validation_failed");
      expect(Object.keys(reply.body.error.fields ?? {}), JSON.stringify(reply.body)).toContain(field);
    }
    // The zone the hours are kept in is the profile's, checked as ever.
    const zone = await world.owner.patch("/me", { timeZone: "Mars/Olympus", workingWeek: { days: [1], start: "09:00", end: "17:00" } });
    expect(zone.status).toBe(400);
    expect(Object.keys(zone.body.error.fields)).toContain("timeZone");
    expect((await world.owner.get("/me")).body.workingWeek).toBeNull();
  });
});
