import { withActor } from "@baton/core/actor";
import { Agency } from "@baton/core/agency";
import { Client } from "@baton/core/client";
import { Contact } from "@baton/core/contact";
import { db } from "@baton/core/db";
import { Member } from "@baton/core/member";

// The demo agency `npm start` creates on first start: an owner, two subcontractors and three
// clients in different time zones and currencies, each with a portal contact.
export const DEMO = {
  agency: { name: "Northwind Virtual Assistants", timeZone: "Europe/London", currency: "GBP" },
  owner: { email: "owner@northwind.example", name: "Olivia Owens", timeZone: "Europe/London" },
  subcontractors: [
    { email: "sam@northwind.example", name: "Sam Patel", timeZone: "Asia/Kolkata", skills: ["Inbox management", "Calendar", "Research"], weeklyCapacityHours: 30 },
    { email: "maria@northwind.example", name: "Maria Papadopoulou", timeZone: "Europe/Athens", skills: ["Social media", "Design", "Bookkeeping"], weeklyCapacityHours: 20 },
  ],
  clients: [
    { name: "Acme Corp", code: "ACME", timeZone: "America/New_York", currency: "USD", status: "active", contact: { email: "ada@acme.example", name: "Ada Brooks", timeZone: "America/New_York" } },
    { name: "Kookaburra & Co", code: "KOOK", timeZone: "Australia/Sydney", currency: "AUD", status: "active", contact: { email: "kai@kookaburra.example", name: "Kai Wilson", timeZone: "Australia/Sydney" } },
    { name: "Sakura Studio", code: "SAKURA", timeZone: "Asia/Tokyo", currency: "JPY", status: "onboarding", contact: { email: "yui@sakura.example", name: "Yui Tanaka", timeZone: "Asia/Tokyo" } },
  ],
} as const;

/** Seeds the demo agency unless its owner already exists. Returns whether it seeded. */
export async function seedDemo(): Promise<boolean> {
  const existing = await db.collections.logins({ email: DEMO.owner.email }).go();
  if (existing.data.member.length) return false;

  const { agencyId, ownerId } = await Agency.create({ ...DEMO.agency, owner: DEMO.owner });
  await withActor({ type: "member", agencyId, memberId: ownerId, role: "owner" }, async () => {
    for (const sub of DEMO.subcontractors) await Member.invite({ ...sub, skills: [...sub.skills] });
    for (const { contact, ...client } of DEMO.clients) {
      const created = await Client.create(client);
      await Contact.invite(contact, created.id);
    }
  });
  return true;
}
