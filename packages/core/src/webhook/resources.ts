import { withActor } from "../actor/index.ts";
import type { ResourceKind } from "./catalogue.ts";

// An event's resource as the API's GET shows it to the owner, read when the event's deliveries
// are made (right after the change). Each area is loaded on demand: those areas record events,
// so importing them at the top would make a cycle.

const loaders: Partial<Record<ResourceKind, (id: string) => Promise<unknown>>> = {
  request: async (id) => (await import("../request/index.ts")).Request.get(id),
  task: async (id) => (await import("../task/index.ts")).Task.get(id),
  invoice: async (id) => (await import("../invoice/index.ts")).Invoices.get(id),
  client: async (id) => (await import("../client/index.ts")).Client.get(id),
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
