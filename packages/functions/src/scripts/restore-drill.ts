import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { compare, countByEntity, exportTable, harden, importTable, problems, restoreToPointInTime } from "../ops/restore.ts";

// The restore drill (runbook: README, "Operating Baton" → "Restore the table").
//
// On AWS (credentials in the shell; the source is the `TableName` output):
//   npm run restore-drill -- --source <TableName> --target baton-prod-restored-2026-12-04 [--time 2026-12-04T09:30:00Z]
// restores the table as it was at --time (default: as late as possible) into a new table, turns
// on PITR, TTL and deletion protection there, counts every entity in both, reads the restored
// table through the app's own data layer, and prints how to point the stage at it.
//
// Locally (DynamoDB Local has no backups, so its export stands in for the backup):
//   npm run restore-drill -- --local --endpoint http://127.0.0.1:8000 --source baton --target baton-restored
// exports the table to a file in DynamoDB's export format, imports it into a new table and checks
// the counts match exactly. `npm start` then serves the restored table with BATON_TABLE_NAME=<target>.
//
// --verify-only compares two existing tables. Exit code 0: the restored table is good; 1: it is not.
const { values } = parseArgs({
  options: {
    source: { type: "string" },
    target: { type: "string" },
    time: { type: "string" },
    local: { type: "boolean", default: false },
    endpoint: { type: "string" },
    "verify-only": { type: "boolean", default: false },
  },
});

if (!values.source || !values.target || (values.local && !values.endpoint)) {
  console.error(`Give --source and --target (and --endpoint with --local). See the comment at the top of ${import.meta.filename}.`);
  process.exit(2);
}
const source = values.source;
const target = values.target;
const dynamo = new DynamoDBClient(
  values.local ? { endpoint: values.endpoint, region: "us-east-1", credentials: { accessKeyId: "local", secretAccessKey: "local" } } : {},
);
const step = (text: string) => console.log(`\n▸ ${text}`);

if (!values["verify-only"]) {
  if (values.local) {
    const dir = mkdtempSync(join(tmpdir(), "baton-restore-"));
    try {
      const file = join(dir, "export.json");
      step(`Exporting ${source} (DynamoDB JSON, one item a line)`);
      console.log(`  ${await exportTable(dynamo, source, file)} items → ${file}`);
      step(`Importing into a new table, ${target}`);
      console.log(`  ${await importTable(dynamo, file, target)} items written`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } else {
    const time = values.time ? new Date(values.time) : undefined;
    if (time && Number.isNaN(time.getTime())) {
      console.error(`--time ${values.time} is not a date and time (use ISO 8601, e.g. 2026-12-04T09:30:00Z).`);
      process.exit(2);
    }
    step(`Restoring ${source} ${time ? `as it was at ${time.toISOString()}` : "to its latest restorable time"} into ${target} (this takes a while)`);
    await restoreToPointInTime(dynamo, source, target, time);
    step("Turning on point-in-time recovery, the TTL on expiresAt and deletion protection");
    await harden(dynamo, target);
  }
}

step("Counting items per entity in both tables");
const rows = compare(await countByEntity(dynamo, source), await countByEntity(dynamo, target));
console.table(Object.fromEntries(rows.map((row) => [row.entity, { [source]: row.source, [target]: row.target }])));
const wrong = problems(rows, values.local);
if (wrong.length) {
  console.error(`\n✗ The restored table is not good:\n  ${wrong.join("\n  ")}`);
  process.exit(1);
}

step(`Reading ${target} through the app's data layer`);
process.env.BATON_TABLE_NAME = target;
if (values.local) Object.assign(process.env, { DYNAMODB_ENDPOINT: values.endpoint, AWS_REGION: "us-east-1" });
const { Health } = await import("@baton/core/health");
const { Job } = await import("@baton/core/job");
await Health.check();
const agencies = await Job.agencies();
console.log(`  health: ok · agencies: ${agencies.length} (${agencies.map((agency) => agency.name).join(", ")})`);

console.log(`\n✓ ${target} holds what ${source} held${values.local ? "" : " at the restore point"}. To point Baton at it:`);
console.log(
  values.local
    ? `  BATON_TABLE_NAME=${target} npm start`
    : `  BATON_RESTORED_TABLE=${target} npx sst deploy --stage <stage>   (see README, "Restore the table")`,
);
