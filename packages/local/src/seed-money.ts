import { withActor, type Actor } from "@baton/core/actor";
import { Agency } from "@baton/core/agency";
import { Client } from "@baton/core/client";
import { Invoices } from "@baton/core/invoice";
import { Member } from "@baton/core/member";
import { ServicePackages } from "@baton/core/service-package";
import { Timesheet } from "@baton/core/timesheet";

// The demo's money: rates and terms, cost rates, a package, weeks of logged time and invoices
// at every stage (paid last month, part-paid and overdue, a deposit just sent, a draft), so the
// invoices, time and reports pages have something to show on first start.

const day = 24 * 3600_000;
const daysAgo = (days: number, hourUtc = 9) => {
  const date = new Date(Date.now() - days * day);
  date.setUTCHours(hourUtc, 0, 0, 0);
  return date.toISOString();
};
const dateDaysAgo = (days: number) => daysAgo(days).slice(0, 10);

type Ids = { sam: string; maria: string; acme: string; kookaburra: string; sakura: string; samTask: string; mariaTask: string };

export async function seedMoney(agencyId: string, owner: Actor, ids: Ids) {
  const asMember = <R>(memberId: string, run: () => Promise<R>) => withActor({ type: "member", agencyId, memberId, role: "subcontractor" }, run);

  await withActor(owner, async () => {
    const agency = await Agency.current();
    await Agency.update({
      version: agency.version,
      paymentInstructions:
        "Bank transfer to Northwind Virtual Assistants Ltd\nIBAN GB29 NWBK 6016 1331 9268 19 · BIC NWBKGB2L\nor Wise / PayPal to billing@northwind.example\nPlease quote the invoice number.",
    });
    for (const [memberId, costRate] of [[ids.sam, 1800], [ids.maria, 2200]] as const) {
      const member = await Member.get(memberId);
      await Member.update({ version: member.version, costRate }, memberId);
    }
    const terms = [
      [ids.acme, { hourlyRate: 6000, paymentTermsDays: 15, depositRate: 5000 }],
      [ids.kookaburra, { hourlyRate: 9500, paymentTermsDays: 14, taxRate: 1000, taxName: "GST" }],
      [ids.sakura, { hourlyRate: 8000, paymentTermsDays: 30, taxRate: 1000, taxName: "Consumption tax" }],
    ] as const;
    for (const [clientId, billing] of terms) {
      const client = await Client.get(clientId);
      await Client.update({ version: client.version, billing }, clientId);
    }
  });

  const websiteCare = await withActor(owner, () =>
    ServicePackages.create({
      name: "Website care",
      description: "A month of looking after a small website.",
      deliverables: ["Plugin and content updates", "Uptime and backup checks", "One-page performance report"],
      prices: [
        { currency: "GBP", amount: 35000 },
        { currency: "USD", amount: 45000 },
        { currency: "AUD", amount: 65000 },
        { currency: "JPY", amount: 60000 },
      ],
    }),
  );

  // Weeks of time: Sam for Acme, Maria for Kookaburra, the owner for Sakura directly. The
  // subcontractors submit their weeks and the owner approves them (only approved time is
  // invoiced), except Sam's latest week, left waiting so the approvals page has work on it.
  const logged: Array<{ memberId: string; id: string; date: string }> = [];
  await asMember(ids.sam, async () => {
    for (const [days, minutes, note] of [[40, 90, "Unsubscribed from 120 newsletters"], [33, 75, "Filters for receipts"], [26, 120, "Flagged VIP threads"], [12, 60, "Drafted replies"], [3, 45, "Weekly summary"]] as const) {
      const entry = await Timesheet.create({ taskId: ids.samTask, startedAt: daysAgo(days), minutes, billable: true, note });
      logged.push({ memberId: ids.sam, id: entry.id, date: daysAgo(days).slice(0, 10) });
    }
  });
  await asMember(ids.maria, async () => {
    for (const [days, minutes, note] of [[45, 120, "Content calendar"], [38, 90, "Post drafts"], [9, 60, "Sale posts"], [2, 30, "Internal notes"]] as const) {
      const entry = await Timesheet.create({ taskId: ids.mariaTask, startedAt: daysAgo(days), minutes, billable: days !== 2, note });
      logged.push({ memberId: ids.maria, id: entry.id, date: daysAgo(days).slice(0, 10) });
    }
  });
  for (const { memberId, date } of logged) {
    // An entry's week may already be submitted with an earlier one of the same week.
    await asMember(memberId, () => Timesheet.submitWeek({ date })).catch((error: { code?: string }) => {
      if (error.code !== "time.nothing_to_submit") throw error;
    });
  }
  const waiting = logged.find((entry) => entry.memberId === ids.sam && entry.date === daysAgo(3).slice(0, 10))!;
  await withActor(owner, () => Timesheet.approve({ entryIds: logged.filter((entry) => entry !== waiting).map((entry) => entry.id) }));
  await withActor(owner, async () => {
    for (const [days, minutes] of [[20, 60], [6, 90]] as const) await Timesheet.create({ clientId: ids.sakura, startedAt: daysAgo(days), minutes, billable: true, note: "Onboarding call and setup" });
  });

  await withActor(owner, async () => {
    // Kookaburra: last month's time, invoiced a month ago and paid.
    const paid = await sendAsOf(agencyId, await Invoices.create({ clientId: ids.kookaburra, includeTime: true, to: dateDaysAgo(35) }), 34);
    await Invoices.recordPayment({ amount: paid.total, method: "wise", reference: "Wise 48213377", receivedAt: daysAgo(27) }, paid.id);
    // Acme: time invoiced five weeks ago, part paid, now overdue.
    const owed = await sendAsOf(agencyId, await Invoices.create({ clientId: ids.acme, includeTime: true, to: dateDaysAgo(25) }), 24);
    await Invoices.recordPayment({ amount: Math.floor(owed.total / 2), method: "bank_transfer", reference: "ACME-REMIT-0912", receivedAt: daysAgo(10) }, owed.id);
    // Acme: the deposit for a month of website care, just sent (50%: Acme's terms).
    await sendAsOf(agencyId, await Invoices.create({ clientId: ids.acme, includeTime: false, lines: [{ kind: "package", packageId: websiteCare.id, quantity: 1 }], deposit: {} }), 0);
    // Sakura: a draft of the owner's onboarding time.
    await Invoices.create({ clientId: ids.sakura, includeTime: true, notes: "Thank you for choosing Northwind." });
  });
}

/** Sends a draft, then (demo history only) moves its issue and due dates `days` back. */
async function sendAsOf(agencyId: string, draft: { id: string; version: number }, days: number) {
  const sent = await Invoices.send({ version: draft.version }, draft.id);
  if (!days) return sent;
  const { issuedAt, dueAt } = await Invoices.backdate(agencyId, draft.id, days);
  return { ...sent, issuedAt, dueAt };
}
