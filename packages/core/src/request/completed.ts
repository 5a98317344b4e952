import { db } from "../db/index.ts";

/**
 * Whether the client has had a request completed (approved to the end). The NPS check-in waits
 * for the first: recommending an agency means little before it has done any work. Read by the
 * job, not a request; requests are kept oldest first, so the first completed one comes early.
 */
export async function anyCompleted(agencyId: string, clientId: string): Promise<boolean> {
  const { data } = await db.entities.request.query
    .requestsOfClient({ agencyId, clientId })
    .where(({ status }, { eq }) => eq(status, "completed"))
    .go({ count: 1 });
  return data.length > 0;
}
