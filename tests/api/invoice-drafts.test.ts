import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type Started } from "../support/http.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// Editing a draft over HTTP: lines (kept, changed, added, removed — a removed time line unbills
// its time), notes, purchase order and terms, from the version read; totals worked out again. A
// stale version or a sent invoice answers 409 with the invoice as it is; bad input is a 400.

let api: Started;
let world: World;
let stranger: World;
let taskId: string;

const RATE = 6_000; // 60.00 an hour

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Drafts Agency");
  stranger = await createWorld(api, "Other Drafts Agency");
  const { task } = await acceptedTask(world, { title: "Edited work" });
  taskId = task.id;
  const client = await world.owner.get(`/clients/${world.ids.client}`);
  const saved = await world.owner.patch(`/clients/${world.ids.client}`, { version: client.body.version, billing: { hourlyRate: RATE } });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
});
afterAll(() => api.close());

const draftOf = async (lines: unknown[], includeTime = false) => {
  const draft = await world.owner.post("/invoices", { clientId: world.ids.client, includeTime, lines, purchaseOrder: "PO-1" });
  expect(draft.status, JSON.stringify(draft.body)).toBe(201);
  return draft.body;
};

describe("editing a draft", () => {
  it("changes, adds and removes lines, the PO, notes and terms, and works out the totals again", async () => {
    const draft = await draftOf([
      { kind: "custom", description: "Setup", quantity: 1, unitAmount: 10_000 },
      { kind: "custom", description: "Hosting", quantity: 2, unitAmount: 2_500 },
    ]);
    expect(draft.total).toBe(15_000);
    const edited = await world.owner.patch(`/invoices/${draft.id}`, {
      version: draft.version,
      lines: [{ index: 0, description: "Setup and launch", unitAmount: 12_000 }, { kind: "custom", description: "Training", quantity: 3, unitAmount: 1_000 }],
      purchaseOrder: "PO-2",
      notes: "Thank you.\nSee you soon.",
      paymentTermsDays: 30,
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.lines.map((line: any) => [line.description, line.quantity, line.unitAmount, line.amount])).toEqual([
      ["Setup and launch", 1, 12_000, 12_000],
      ["Training", 3, 1_000, 3_000],
    ]);
    expect(edited.body).toMatchObject({ subtotal: 15_000, total: 15_000, purchaseOrder: "PO-2", notes: "Thank you.\nSee you soon.", paymentTermsDays: 30, version: draft.version + 1 });
    // An empty value clears.
    const cleared = await world.owner.patch(`/invoices/${draft.id}`, { version: edited.body.version, purchaseOrder: "", notes: "" });
    expect(cleared.status, JSON.stringify(cleared.body)).toBe(200);
    expect(cleared.body).toMatchObject({ purchaseOrder: null, notes: null, total: 15_000 });
  });

  it("answers 409 with the invoice as it is on a stale version, changing nothing", async () => {
    const draft = await draftOf([{ kind: "custom", description: "Audit", quantity: 1, unitAmount: 5_000 }]);
    const first = await world.owner.patch(`/invoices/${draft.id}`, { version: draft.version, purchaseOrder: "PO-A" });
    expect(first.status).toBe(200);
    const stale = await world.owner.patch(`/invoices/${draft.id}`, { version: draft.version, purchaseOrder: "PO-B" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("conflict");
    expect(stale.body.current).toMatchObject({ id: draft.id, purchaseOrder: "PO-A", version: first.body.version });
  });

  it("refuses to edit a sent invoice: 409 with the invoice", async () => {
    const draft = await draftOf([{ kind: "custom", description: "Sent work", quantity: 1, unitAmount: 5_000 }]);
    const sent = await world.owner.post(`/invoices/${draft.id}/send`, { version: draft.version });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const edit = await world.owner.patch(`/invoices/${draft.id}`, { version: sent.body.version, purchaseOrder: "PO-LATE" });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe("conflict");
    expect(edit.body.current).toMatchObject({ id: draft.id, status: "sent", purchaseOrder: "PO-1" });
  });

  it("unbills the time of a removed time line, and re-prices an edited one at the client's rate", async () => {
    for (const [index, minutes] of [30, 45].entries()) {
      const logged = await world.owner.post("/time", { taskId, startedAt: new Date(Date.now() - (index + 2) * 3_600_000).toISOString(), minutes });
      expect(logged.status, JSON.stringify(logged.body)).toBe(201);
    }
    const draft = await draftOf([{ kind: "custom", description: "Extra", quantity: 1, unitAmount: 1_000 }], true);
    const time = draft.lines.findIndex((line: any) => line.kind === "time");
    expect(draft.lines[time].quantity).toBe(75);
    expect(draft.entryCount).toBe(2);
    expect((await world.owner.get(`/time/unbilled?clientId=${world.ids.client}`)).body.items).toHaveLength(0);
    const shorter = await world.owner.patch(`/invoices/${draft.id}`, { version: draft.version, lines: draft.lines.map((_: unknown, index: number) => (index === time ? { index, quantity: 60, description: "Newsletter" } : { index })) });
    expect(shorter.status, JSON.stringify(shorter.body)).toBe(200);
    expect(shorter.body.lines[time]).toMatchObject({ kind: "time", description: "Newsletter", quantity: 60, amount: 6_000 });
    expect(shorter.body.total).toBe(7_000);
    const removed = await world.owner.patch(`/invoices/${draft.id}`, { version: shorter.body.version, lines: draft.lines.map((_: unknown, index: number) => ({ index })).filter((line: { index: number }) => line.index !== time) });
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(removed.body).toMatchObject({ total: 1_000, entryCount: 0 });
    expect(removed.body.lines.map((line: any) => line.kind)).toEqual(["custom"]);
    expect((await world.owner.get(`/time/unbilled?clientId=${world.ids.client}`)).body.items).toHaveLength(2);
  });

  it("refuses bad input with the field named, changing nothing", async () => {
    const draft = await draftOf([{ kind: "custom", description: "Kept", quantity: 1, unitAmount: 1_000 }]);
    const cases: [unknown, string][] = [
      [{ notes: "bad\u0007bell" }, "notes"],
      [{ purchaseOrder: "PO\nTWO" }, "purchaseOrder"],
      [{ lines: [] }, "lines"],
      [{ lines: [{ index: 0, quantity: 0 }] }, "lines.0.quantity"],
      [{ lines: [{ index: 0, unitAmount: -5 }] }, "lines.0.unitAmount"],
      [{ lines: [{ index: 7 }] }, "lines.0.index"],
      [{ lines: [{ index: 0 }, { index: 0 }] }, "lines.1.index"],
      [{ paymentTermsDays: -1 }, "paymentTermsDays"],
    ];
    for (const [body, field] of cases) {
      const answer = await world.owner.patch(`/invoices/${draft.id}`, { version: draft.version, ...(body as object) });
      expect(answer.status, `${JSON.stringify(body)} → ${JSON.stringify(answer.body)}`).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expect(Object.keys(answer.body.error.fields ?? {}), JSON.stringify(answer.body)).toContain(field);
    }
    const missing = await world.owner.patch(`/invoices/${draft.id}`, { purchaseOrder: "X" });
    expect(missing.status).toBe(400);
    const after = await world.owner.get(`/invoices/${draft.id}`);
    expect(after.body).toMatchObject({ version: draft.version, total: 1_000, purchaseOrder: "PO-1" });
  });

  it("is the owner's alone: another agency's owner gets 404, the client's contact 403", async () => {
    const draft = await draftOf([{ kind: "custom", description: "Private", quantity: 1, unitAmount: 1_000 }]);
    const other = await stranger.owner.patch(`/invoices/${draft.id}`, { version: draft.version, purchaseOrder: "PO-X" });
    expect(other.status).toBe(404);
    const contact = await world.contact.patch(`/invoices/${draft.id}`, { version: draft.version, purchaseOrder: "PO-X" });
    expect(contact.status).toBe(403);
    expect((await world.owner.get(`/invoices/${draft.id}`)).body.purchaseOrder).toBe("PO-1");
  });
});
