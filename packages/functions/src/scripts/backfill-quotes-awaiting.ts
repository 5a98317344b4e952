import { forEveryAgency } from "./every-agency.ts";

// Gives every agency's sent quotes saved before the expiry job's index (quotesAwaiting) their
// `awaiting` attribute and index keys, so they expire too; once, after the deploy that adds the
// job. Safe to run again. Usage (AWS credentials in the shell):
//   npm run backfill-quotes-awaiting -- --table <TableName output>
await forEveryAgency(import.meta.filename, async (agencyId) => {
  const { backfillQuotesAwaiting } = await import("@baton/core/quote/backfill");
  const { quotes } = await backfillQuotesAwaiting(agencyId);
  return `${quotes} sent quotes now in the expiry index`;
});
