import { deleteAll } from "../client-data/batch.ts";
import { all, type ClientDataPart, type Scope } from "../client-data/part.ts";
import { db } from "../db/index.ts";

/** Surveys have no index by client: the agency's surveys, filtered (erase and export are rare). */
async function surveysOf({ agencyId, clientId }: Scope) {
  return (await db.entities.survey.query.surveyById({ agencyId }).where((attr, op) => op.eq(attr.clientId, clientId)).go(all)).data;
}

export const surveysPart: ClientDataPart = {
  name: "surveys",
  export: surveysOf,
  erase: async (scope) => ({ deleted: await deleteAll(db.entities.survey, (await surveysOf(scope)).map(({ agencyId, surveyId }) => ({ agencyId, surveyId }))) }),
};
