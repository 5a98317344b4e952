import { parseArgs } from "node:util";

// Gives every agency's open tasks their gsi4 keys (the client board's per-client open work),
// once, after the deploy that adds the index. Safe to run again. Usage (AWS credentials in the shell):
//   npm run backfill-client-work -- --table <TableName output>
const { values } = parseArgs({ options: { table: { type: "string" } } });
if (!values.table) {
  console.error(`Missing: --table\nSee the comment at the top of ${import.meta.filename}.`);
  process.exit(2);
}
process.env.BATON_TABLE_NAME = values.table;
const { Job } = await import("@baton/core/job");
const { backfillClientWork } = await import("@baton/core/task/backfill");
for (const agency of await Job.agencies()) {
  const { tasks } = await backfillClientWork(agency.agencyId);
  console.log(`${agency.agencyId} (${agency.name}): ${tasks} open tasks indexed`);
}
