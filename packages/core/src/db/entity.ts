import { Entity, type Schema } from "electrodb";
import { client, tableName } from "./connection.ts";

// ElectroDB builds an entity's key templates, attribute parsers and index maps when it is
// constructed: about 1 ms each, 60 entities, at every cold start, though a call uses a handful.
// An entity defined here is constructed on its first use instead, with the shared client and table
// (issue 14: the cold start). Its type is ElectroDB's own, so every query and write reads as before.

type Built = Entity<string, string, string, Schema<string, string, string>>;

const constructed = new WeakSet<object>();

/** Whether `entity` (one of this module's) has been constructed: touching it would construct it. */
export const isConstructed = (entity: object): boolean => constructed.has(entity);

/**
 * `new Entity(schema)`, constructed when first touched. Methods are handed out bound to the
 * constructed entity, so ElectroDB's own code runs on it directly, not through the stand-in.
 */
export function defineEntity<A extends string, F extends string, C extends string, S extends Schema<A, F, C>>(schema: S): Entity<A, F, C, S> {
  let entity: Built | undefined;
  const bound = new Map<PropertyKey, { method: unknown; call: unknown }>();
  const build = (): Built => {
    if (!entity) {
      entity = new Entity(schema as unknown as Schema<string, string, string>, { client, table: tableName() }) as unknown as Built;
      constructed.add(lazy);
    }
    return entity;
  };
  const standIn = Object.create(Entity.prototype) as object;
  const lazy: object = new Proxy(standIn, {
    get(_, key) {
      const target = build();
      const value = Reflect.get(target, key, target) as unknown;
      if (typeof value !== "function") return value;
      const known = bound.get(key);
      if (known?.method === value) return known.call;
      const call = (value as (...args: unknown[]) => unknown).bind(target);
      bound.set(key, { method: value, call });
      return call;
    },
    set: (_, key, value) => Reflect.set(build(), key, value),
    has: (_, key) => Reflect.has(build(), key),
    ownKeys: () => Reflect.ownKeys(build()),
    getOwnPropertyDescriptor(_, key) {
      const descriptor = Reflect.getOwnPropertyDescriptor(build(), key);
      // A proxy may not report a property its stand-in lacks as non-configurable.
      return descriptor ? { ...descriptor, configurable: true } : undefined;
    },
  });
  return lazy as Entity<A, F, C, S>;
}
