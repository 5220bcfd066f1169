// Recognising our own error classes without `instanceof`. A production Next.js build bundles a module once per
// route (and again for instrumentation), so one class can exist in several copies in one process; and some
// objects outlive the copy that made them: the Vipps client is kept on globalThis, so its errors are made by
// whichever route bundle created it first. `instanceof` then answers false for a perfectly good error from a
// sibling copy. A `Symbol.for` key is the same in every copy (one global symbol registry), so a mark set with
// it is recognised by all of them.

export interface Brand {
  /** Marks `target` (call it from the constructor); the mark is not enumerable, so logs and JSON skip it. */
  mark(target: object): void;
  /** True for anything marked by any copy of the module that created this brand. */
  isOn(value: unknown): boolean;
}

export function createBrand(name: string): Brand {
  const key = Symbol.for(`fjellbutikken.${name}`);
  return {
    mark(target) {
      Object.defineProperty(target, key, { value: true });
    },
    isOn(value) {
      return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[key] === true;
    },
  };
}
