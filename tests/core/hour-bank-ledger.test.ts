import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { balanceOf, closeEntries, type Entry, hoursByRequest, nextPeriod, type Policy, remainderOf } from "../../packages/core/src/hour-bank/ledger.ts";
import { runs } from "../support/property.ts";

// The hour bank's rules with no database, under random sequences of logged time, owner
// adjustments and period closes with any rollover policy: the balance is always the entries'
// sum, a closed period sums to zero, rollovers move hours without making any, and rolled hours
// never outlive their policy.

type Step = { kind: "log"; minutes: number } | { kind: "adjust"; minutes: number } | { kind: "close" };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant("log" as const), minutes: fc.integer({ min: 1, max: 1200 }) }),
  fc.record({ kind: fc.constant("adjust" as const), minutes: fc.integer({ min: -900, max: 900 }).filter((m) => m !== 0) }),
  fc.record({ kind: fc.constant("close" as const) }),
);
const policy: fc.Arbitrary<Policy> = fc.oneof(
  fc.constant({ mode: "none" as const }),
  fc.record({ mode: fc.constant("cap" as const), maxMinutes: fc.integer({ min: 1, max: 3000 }) }),
  fc.record({ mode: fc.constant("expire" as const), afterPeriods: fc.integer({ min: 1, max: 4 }) }),
);

const index = (period: string) => Number(period.slice(0, 4)) * 12 + Number(period.slice(5)) - 1;

describe("the hour bank ledger", () => {
  it("keeps balance == sum(entries) under random log / adjust / close sequences", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), policy, fc.integer({ min: 0, max: 3000 }), (steps, rule, included) => {
        let period = "2026-01";
        let entries: Entry[] = [{ key: `${period}#included`, period, kind: "included", minutes: included, origin: period }];
        let used = 0;
        let n = 0;
        const totals = () => {
          const sum = (kind: Entry["kind"]) => entries.filter((e) => e.kind === kind).reduce((t, e) => t + e.minutes, 0);
          return sum("included") + sum("adjusted") + sum("used") + sum("overage") + sum("expired") + sum("rolledOver");
        };
        for (const s of steps) {
          if (s.kind === "log") {
            used += s.minutes;
            entries = [...entries.filter((e) => e.key !== `${period}#used`), { key: `${period}#used`, period, kind: "used", minutes: -used, origin: period }];
          } else if (s.kind === "adjust") {
            entries.push({ key: `${period}#adjusted#${++n}`, period, kind: "adjusted", minutes: s.minutes, origin: period });
          } else {
            const closing = closeEntries(period, entries, rule);
            // Closing twice from the same entries closes the same way (the job's rerun).
            expect(closeEntries(period, entries, rule)).toEqual(closing);
            entries.push(...closing);
            expect(balanceOf(entries.filter((e) => e.period === period))).toBe(0);
            const rolled = closing.filter((e) => e.kind === "rolledOver");
            expect(balanceOf(rolled)).toBe(0);
            for (const e of closing) if (e.kind === "expired" || (e.kind === "rolledOver" && e.period === period)) expect(e.minutes).toBeLessThan(0);
            const into = rolled.filter((e) => e.minutes > 0);
            if (rule.mode === "none") expect(into).toEqual([]);
            if (rule.mode === "cap") expect(balanceOf(into)).toBeLessThanOrEqual(rule.maxMinutes);
            if (rule.mode === "expire") for (const e of into) expect(index(e.period) - index(e.origin)).toBeLessThanOrEqual(rule.afterPeriods);
            period = nextPeriod(period);
            used = 0;
            entries.push({ key: `${period}#included`, period, kind: "included", minutes: included, origin: period });
          }
          // After every step: the balance is the sum of the entries, and equals what the kinds add up to.
          const open = entries.filter((e) => e.period === period);
          expect(balanceOf(entries)).toBe(balanceOf(open));
          expect(balanceOf(entries)).toBe(totals());
          // What is left of the open period is never more than its positive entries.
          const { chunks } = remainderOf(open);
          expect(chunks.every((c) => c.minutes > 0)).toBe(true);
        }
      }),
      { numRuns: runs(300) },
    );
  });
});

describe("a period's time per request", () => {
  it("adds a request's tasks under its reference, most used first, and time without a task last", () => {
    const rows = hoursByRequest([
      { taskId: "none", label: "Acme Corp", minutes: 30 },
      { taskId: "task_a", label: "ACME-7.1 · Design · v2", minutes: 45 },
      { taskId: "task_b", label: "ACME-7.2 · Build", minutes: 90 },
      { taskId: "task_c", label: "ACME-9 · Newsletter", minutes: 60 },
      { taskId: "task_d", label: "ACME-10 · Nothing billable", minutes: 0 },
    ]);
    expect(rows).toEqual([
      { reference: "ACME-7", minutes: 135, tasks: [{ reference: "ACME-7.2", title: "Build", minutes: 90 }, { reference: "ACME-7.1", title: "Design · v2", minutes: 45 }] },
      { reference: "ACME-9", minutes: 60, tasks: [{ reference: "ACME-9", title: "Newsletter", minutes: 60 }] },
      { reference: null, minutes: 30, tasks: [{ reference: null, title: "", minutes: 30 }] },
    ]);
  });
});
