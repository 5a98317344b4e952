import { describe, expect, it } from "vitest";
import { can, canOnPeople, invoiceRecipients, refusal, rolesOf, type PeopleViewer } from "../../packages/core/src/contact/policy.ts";

// The people policy of a client (issue 22 item 5), as pure rules: who is admin, who may do what,
// and who receives invoices.

type Status = "invited" | "active" | "deactivated" | "removed";
const person = (contactId: string, createdAt: string, extra: { role?: "admin" | "member"; status?: Status; receivesInvoices?: boolean } = {}) => ({
  contactId,
  clientId: "cli_a",
  createdAt,
  status: extra.status ?? ("active" as Status),
  ...(extra.role ? { role: extra.role } : {}),
  ...(extra.receivesInvoices !== undefined ? { receivesInvoices: extra.receivesInvoices } : {}),
});
const asContact = (contactId: string, writes = true): PeopleViewer => ({ owner: false, clientId: "cli_a", contactId, writes });
const owner: PeopleViewer = { owner: true, clientId: null, contactId: null, writes: true };

describe("rolesOf", () => {
  it("makes the earliest current person admin while no one is stored as admin", () => {
    const people = [person("c2", "2026-02-01"), person("c1", "2026-01-01"), person("c0", "2025-01-01", { status: "removed" })];
    expect(Object.fromEntries(rolesOf(people))).toEqual({ c0: "member", c1: "admin", c2: "member" });
  });

  it("keeps stored roles once there is a stored admin", () => {
    const people = [person("c1", "2026-01-01"), person("c2", "2026-02-01", { role: "admin" })];
    expect(Object.fromEntries(rolesOf(people))).toEqual({ c1: "member", c2: "admin" });
  });
});

describe("refusal and can", () => {
  const people = [person("a", "2026-01-01", { role: "admin" }), person("m", "2026-02-01", { role: "member" })];

  it("lets an admin manage colleagues but not leave or step down as the last admin", () => {
    expect(can(asContact("a"), people[1]!, people)).toEqual(["remove", "change_role", "change_invoices"]);
    expect(can(asContact("a"), people[0]!, people)).toEqual(["change_invoices"]);
    expect(refusal(asContact("a"), people[0]!, people, "remove")).toBe("last_admin");
    expect(refusal(asContact("a"), people[0]!, people, "change_role", { role: "member" })).toBe("last_admin");
    expect(canOnPeople(asContact("a"), "cli_a", rolesOf(people))).toEqual(["invite"]);
  });

  it("gives a member, another client's admin and an inactive client's admin nothing", () => {
    expect(can(asContact("m"), people[0]!, people)).toEqual([]);
    expect(canOnPeople(asContact("m"), "cli_a", rolesOf(people))).toEqual([]);
    expect(canOnPeople({ ...asContact("a"), clientId: "cli_b" }, "cli_a", rolesOf(people))).toEqual([]);
    expect(can(asContact("a", false), people[1]!, people)).toEqual([]);
  });

  it("lets the owner remove the last admin but not demote them", () => {
    expect(refusal(owner, people[0]!, people, "remove")).toBeNull();
    expect(refusal(owner, people[0]!, people, "change_role", { role: "member" })).toBe("last_admin");
    const twoAdmins = [...people, person("b", "2026-03-01", { role: "admin" })];
    expect(refusal(asContact("a"), twoAdmins[0]!, twoAdmins, "remove")).toBeNull();
  });
});

describe("invoiceRecipients", () => {
  it("is the current people chosen, else the admins", () => {
    const people = [person("a", "2026-01-01", { role: "admin" }), person("m", "2026-02-01"), person("x", "2026-03-01", { status: "deactivated", receivesInvoices: true })];
    expect(invoiceRecipients(people).map((p) => p.contactId)).toEqual(["a"]);
    const chosen = [people[0]!, { ...people[1]!, receivesInvoices: true }, people[2]!];
    expect(invoiceRecipients(chosen).map((p) => p.contactId)).toEqual(["m"]);
  });
});
