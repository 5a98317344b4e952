// The two agencies the benchmark runs against. Both have the same team, clients and current
// work; the small one has a tenth of the history (tasks, requests, time, invoices), as the same
// agency would have after a tenth of the time. So an endpoint whose latency grows from small to
// large reads history it does not need: a list that is not a bounded, paginated Query.

export type Shape = {
  name: "large" | "small";
  /** DynamoDB Local table holding this agency (the scale is part of the name). */
  table: string;
  clients: number;
  subcontractors: number;
  /** Subcontractors who may review QA (the owner always may). */
  reviewers: number;
  tasks: number;
  timeEntries: number;
  /** Months of history the tasks and time are spread over. */
  months: number;
  /** Open tasks per subcontractor (bounded by capacity, not by agency size). */
  openPerMember: number;
  /** Open tasks nobody has been given yet (todo). */
  unassigned: number;
};

const FULL = { clients: 50, subcontractors: 20, tasks: 20_000, timeEntries: 100_000, months: 24 };

export function shapes(scale: number): [Shape, Shape] {
  const clients = Math.max(3, Math.round(FULL.clients * scale));
  const subcontractors = Math.max(2, Math.round(FULL.subcontractors * scale));
  const reviewers = Math.max(1, Math.round(subcontractors / 5));
  const make = (name: Shape["name"], fraction: number): Shape => {
    const tasks = Math.max(40, Math.round(FULL.tasks * scale * fraction));
    // Current work is the same in both; it may take at most a quarter of the small agency's tasks.
    const openPerMember = Math.max(1, Math.min(25, Math.floor((Math.max(40, Math.round(FULL.tasks * scale / 10)) * 0.25) / subcontractors)));
    return {
      name,
      table: `bench-${name}-x${scale}`,
      clients,
      subcontractors,
      reviewers,
      tasks,
      timeEntries: Math.round(FULL.timeEntries * scale * fraction),
      months: FULL.months * fraction,
      openPerMember,
      unassigned: Math.max(2, Math.round((openPerMember * subcontractors) / 10)),
    };
  };
  return [make("large", 1), make("small", 0.1)];
}
