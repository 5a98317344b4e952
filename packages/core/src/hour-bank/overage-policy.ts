import { assertOwner } from "../actor/index.ts";
import { Audit } from "../audit/index.ts";
import { ClientStore } from "../client/store.ts";
import { notFound } from "../error/index.ts";
import { fn } from "../fn/index.ts";
import { AlertsStore } from "./alerts-store.ts";
import { BILL, clientOverageSchema, overageFor, overageSchema, type Overage, type OverageSource } from "./overage.ts";

// Setting the overage policy (owner): the agency's default, and a client's own (null: back to the default).

export async function agencyOverage(): Promise<{ overage: Overage }> {
  const agencyId = assertOwner();
  return { overage: (await AlertsStore.overageOf(agencyId, "agency")) ?? BILL };
}

export const setAgencyOverage = fn(overageSchema, async (overage): Promise<{ overage: Overage }> => {
  const agencyId = assertOwner();
  await AlertsStore.setOverage(agencyId, "agency", overage);
  await Audit.record(Audit.event("hourBank.overage", "agency", agencyId, { ...overage }));
  return { overage };
});

export const setClientOverage = fn(clientOverageSchema, async ({ overage }, clientId: string): Promise<{ overage: Overage; overageSource: OverageSource }> => {
  const agencyId = assertOwner();
  if (!(await ClientStore.load(agencyId, clientId))) throw notFound("Client");
  await AlertsStore.setOverage(agencyId, clientId, overage);
  await Audit.record(Audit.event("hourBank.overage", "client", clientId, { ...(overage ?? { mode: "agency" }) }));
  const effective = await overageFor(agencyId, clientId);
  return { overage: effective.overage, overageSource: effective.source };
});
