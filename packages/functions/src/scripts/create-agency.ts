import { parseArgs } from "node:util";

// Creates an agency and its owner in a deployed table, so the owner can ask for a sign-in link.
// For a stage whose sign-up is closed (BATON_SIGNUP; see signup/ in the core). Usage (with AWS credentials in the shell):
//   npm run create-agency -- --table <TableName output> --name "Northwind VAs" \
//     --owner-email owner@agency.com --owner-name "Olivia Owens" --time-zone Europe/London --currency GBP
const { values } = parseArgs({
  options: {
    table: { type: "string" },
    name: { type: "string" },
    "owner-email": { type: "string" },
    "owner-name": { type: "string" },
    "time-zone": { type: "string", default: "UTC" },
    currency: { type: "string", default: "USD" },
  },
});

const missing = ["table", "name", "owner-email", "owner-name"].filter((key) => !values[key as keyof typeof values]);
if (missing.length) {
  console.error(`Missing: ${missing.map((key) => `--${key}`).join(", ")}\nSee the comment at the top of ${import.meta.filename}.`);
  process.exit(2);
}

process.env.BATON_TABLE_NAME = values.table;
const { Agency } = await import("@baton/core/agency");
const { VisibleError } = await import("@baton/core/error");
try {
  const { agencyId, ownerId } = await Agency.create({
    name: values.name!,
    timeZone: values["time-zone"]!,
    currency: values.currency!,
    owner: { email: values["owner-email"]!, name: values["owner-name"]!, timeZone: values["time-zone"]! },
  });
  console.log(`Created agency ${agencyId} with owner ${ownerId}. The owner signs in from the team app's sign-in page.`);
} catch (error) {
  if (error instanceof VisibleError) {
    console.error(`${error.message}${error.extra.fields ? `\n${JSON.stringify(error.extra.fields, null, 2)}` : ""}`);
    process.exit(1);
  }
  throw error;
}
