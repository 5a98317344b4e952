import { parseArgs } from "node:util";

// Lets Baton email an address again after SES reported it bouncing or complaining (README,
// "Operating Baton" → "Bounces and complaints"). Only once the person confirmed the address works:
// mailing a dead address again is what SES's review counts. With AWS credentials in the shell:
//   npm run email-deliverable -- --table <TableName output> --email person@example.com
const { values } = parseArgs({ options: { table: { type: "string" }, email: { type: "string" } } });
if (!values.table || !values.email) {
  console.error(`Give --table and --email. See the comment at the top of ${import.meta.filename}.`);
  process.exit(2);
}
process.env.BATON_TABLE_NAME = values.table;
const { Email } = await import("@baton/core/email");
const { people } = await Email.Feedback.clear(values.email);
console.log(`Baton emails ${values.email} again (${people} ${people === 1 ? "person" : "people"} updated).`);
