// A module (or anything else) loaded on first use and then kept: later calls share the first
// call's promise instead of calling `import()` again. A repeated `import()` of a loaded module is
// cheap in the Lambda's bundle, but under tsx (the local runtime, the tests, the bench) each one
// is a round trip to the loader's thread, about 0.75 ms: on every email or webhook event that adds up.

/** `load`, called once; a failed load is tried again by the next call. */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () =>
    (loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    }));
}
