import { withActor } from "../actor/index.ts";
import type { ResourceKind } from "./catalogue.ts";
import { loadOnce } from "../lazy/index.ts";

// An event's resource as the API's GET shows it to the owner, read when the event's deliveries
// are made (right after the change). Each area is loaded on demand: those areas record events,
// so importing them at the top would make a cycle.

const areas = {
  request: loadOnce(() => import("../request/index.ts")),
  task: loadOnce(() => import("../task/index.ts")),
  invoice: loadOnce(() => import("../invoice/index.ts")),
  client: loadOnce(() => import("../client/index.ts")),
};
const loaders: Partial<Record<ResourceKind, (id: string) => Promise<unknown>>> = {
  request: async (id) => (await areas.request()).Request.get(id),
  task: async (id) => (await areas.task()).Task.get(id),
  invoice: async (id) => (await areas.invoice()).Invoices.get(id),
  client: async (id) => (await areas.client()).Client.get(id),
};

/** The resource, or null when it is gone (or its kind is only ever given as a snapshot). */
export async function loadResource(agencyId: string, kind: string, id: string): Promise<unknown> {
  const load = loaders[kind as ResourceKind];
  if (!load) return null;
  try {
    return await withActor({ type: "system", agencyId }, () => load(id));
  } catch {
    return null;
  }
}
