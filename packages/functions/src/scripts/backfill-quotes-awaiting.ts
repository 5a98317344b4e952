import { parseArgs } from "node:util";

// Gives every agency's sent quotes saved before the expiry job's index (quotesAwaiting) their
// `awaiting` attribute and index keys, so they expire too; once, after the deploy that adds the
// job. Safe to run again. Usage (AWS credentials in the shell):
//   npm run backfill-quotes-awaiting -- --table <TableName output>
const { values } = parseArgs({ options: { table: { type: "string" } } });
if (!values.table) {
  console.error(`Missing: --table\nSee the comment at the top of ${import.meta.filename}.`);
  process.exit(2);
}
process.env.BATON_TABLE_NAME = values.table;
const { Job } = await import("@baton/core/job");
const { backfillQuotesAwaiting } = await import("@baton/core/quote/backfill");
for (const agency of await Job.agencies()) {
  const { quotes } = await backfillQuotesAwaiting(agency.agencyId);
  console.log(`${agency.agencyId} (${agency.name}): ${quotes} sent quotes now in the expiry index`);
}
