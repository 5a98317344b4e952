import { assertOwner, useActor } from "../actor/index.ts";
import { notFound } from "../error/index.ts";
import { isId } from "../id/index.ts";
import type { PayoutItem } from "./entity.ts";
import { PayoutStore } from "./store.ts";

/** A statement as its reader may see it: the owner any, a subcontractor only their own (others' are 404, as if there were none). */
export async function visible(payoutId: string): Promise<PayoutItem> {
  const actor = useActor();
  const member = actor.type === "member" && actor.role === "subcontractor" ? actor : null;
  const agencyId = member ? member.agencyId : assertOwner();
  const item = isId("payout", payoutId) ? await PayoutStore.load(agencyId, payoutId) : null;
  if (!item || (member && item.memberId !== member.memberId)) throw notFound("Payout statement");
  return item;
}
