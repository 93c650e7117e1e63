/**
 * A stand-in for a value a `beforeAll` sets (useTestApp, useTestDatabase): reads and method calls go to the
 * current value, so it reads as a variable set in `beforeAll`; using it before it is set (outside a test or
 * hook) throws, naming `what`.
 */
export function standIn<T extends object>(current: () => T | undefined, what: string): T {
  return new Proxy({} as T, {
    get(_target, key) {
      const value = current();
      if (!value) throw new Error(`${what} is used before beforeAll set it`);
      const member: unknown = Reflect.get(value, key, value);
      return typeof member === 'function' ? (member as (...a: unknown[]) => unknown).bind(value) : member;
    },
  });
}
