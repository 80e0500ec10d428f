/** A JSON object as the simulator stores and answers it (wire JSON, `@odata.type` included). */
export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Sets a key as data, whatever its name (`__proto__` included): JSON bodies are data, never prototypes. */
export function setKey(target: Json, key: string, value: unknown): void {
  // Only `__proto__` assigns a prototype; every other key is plain (and much faster) assignment.
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** Keys the simulator keeps for itself on stored entities (references, timers, statistics); never answered. */
export const internalMarker = '@sim.';

export const isInternalKey = (key: string): boolean => key.includes(internalMarker);
