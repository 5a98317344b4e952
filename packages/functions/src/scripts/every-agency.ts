import { parseArgs } from "node:util";

/**
 * A one-off backfill's frame: `--table` names the deployed table (AWS credentials in the shell),
 * then `each` runs for every agency and says what it did. `script` is the caller's file, whose top
 * comment explains the usage. The core is imported only once the table is named.
 */
export async function forEveryAgency(script: string, each: (agencyId: string) => Promise<string>): Promise<void> {
  const { values } = parseArgs({ options: { table: { type: "string" } } });
  if (!values.table) {
    console.error(`Missing: --table\nSee the comment at the top of ${script}.`);
    process.exit(2);
  }
  process.env.BATON_TABLE_NAME = values.table;
  const { Job } = await import("@baton/core/job");
  // Agencies written before the agencies index was sharded are listed only once they have a shard.
  const { agencies } = await (await import("@baton/core/agency/backfill")).backfillAgencyShards();
  if (agencies) console.log(`${agencies} agencies moved to their shard of the agencies index`);
  for (const agency of await Job.agencies()) console.log(`${agency.agencyId} (${agency.name}): ${await each(agency.agencyId)}`);
}
