import { forEveryAgency } from "./every-agency.ts";

// Gives every agency's open tasks their gsi4 keys (the client board's per-client open work),
// once, after the deploy that adds the index. Safe to run again. Usage (AWS credentials in the shell):
//   npm run backfill-client-work -- --table <TableName output>
await forEveryAgency(import.meta.filename, async (agencyId) => {
  const { backfillClientWork } = await import("@baton/core/task/backfill");
  const { tasks } = await backfillClientWork(agencyId);
  return `${tasks} open tasks indexed`;
});
