/** The first-run checklist's items, in the order Home shows them. */
export const FIRST_RUN_ITEMS = ["team", "client", "sop", "payment"] as const;
export type FirstRunItemKey = (typeof FIRST_RUN_ITEMS)[number];

export type FirstRun = { steps: { key: FirstRunItemKey; done: boolean }[]; done: boolean; dismissed: boolean };
