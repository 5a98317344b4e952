// Issue 14's starting point and its targets, for RESULTS.md's first table. "Before" is the
// full-size run of 2026-11-23 on this 2-core machine with nothing else running (commit f5baf92,
// its bench/RESULTS.md), except where that run had no row: the portal home's round trips are the
// issue's own count, and the onboarding page's chunk the figure. The cold start's "before"
// is not copied from there: the run builds that tree's bundle beside this one (--baseline).

/** Per endpoint (the keys of bench/measure.ts), as the run of 2026-11-23 measured them on the large agency. */
export const BEFORE_ENDPOINTS: Record<string, { roundTrips: number; readUnits?: number; writeUnits?: number; emails?: number; p50At16?: number }> = {
  myWork: { roundTrips: 4, readUnits: 17.5, p50At16: 1610 },
  board: { roundTrips: 10, readUnits: 169, p50At16: 3037 },
  invoices: { roundTrips: 3, readUnits: 20.5, p50At16: 1556 },
  portalHome: { roundTrips: 5 },
  submit: { roundTrips: 9, readUnits: 6, writeUnits: 12, emails: 1, p50At16: 1589 },
  qaApprove: { roundTrips: 10, readUnits: 7.5, writeUnits: 40, emails: 1, p50At16: 2049 },
};

export const BEFORE = {
  date: "2026-11-23",
  commit: "f5baf92",
  /** DynamoDB Local alone, the team's Query: large ÷ small p50. */
  controlQueryRatio: 5.58,
  /** Gzipped JS of the portal's first load, and of the onboarding page's chunk. */
  portalFirstLoadGzipKb: 49,
  onboardingGzipKb: 46,
};

/** The targets. */
export const TARGETS = {
  roundTrips: { myWork: 2, board: 3, invoices: 2, portalHome: 3, submit: 4, qaApprove: 3 } as Record<string, number>,
  boardReadUnits: 30,
  /** "WCU ≤ half of today's 40". */
  qaApproveWriteUnits: 20,
  /** p50 at 16 connections on the large agency, as a share of before's, for every endpoint. */
  p50Share: 1 / 5,
  controlQueryRatio: 1.3,
  /** What a typical call (GET /api/tasks/mine) loads of the API bundle. */
  loadedBytes: 1.1 * 1024 * 1024,
  /** Import + first request, as a share of the baseline bundle's, measured side by side. */
  coldShare: 0.6,
  portalFirstLoadGzipKb: 35,
  onboardingGzipKb: 10,
};
