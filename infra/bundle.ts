import { dirname } from "node:path";

// How every Baton function is bundled (sst.config.ts sets it as the default; bench/cold-start.ts
// builds the API the same way to measure it). What a cold start pays for is the code it loads, so:
// - ESM with code splitting: what only some calls need (the invoice PDF's pdfkit and fontkit,
//   Stripe, the OpenAPI generator, the S3, SES and Lambda clients, the Greek and Hindi error
//   catalogs, markdown-it) is reached by `import()` and lands in its own chunk, loaded by the first
//   call that needs it. A typical call loads the entry and the chunks it imports statically.
// - minified, names kept (readable stack traces);
// - zod's error-message locales left out: zod re-exports all of them (`z.locales`, about 260 KB
//   minified) and no Baton code reads them; its English messages, which zod uses by default, stay.
// The AWS SDK stays in the bundle: marking it external measured slower (issue 14).

// The part of esbuild's plugin API used here, so that the plugin suits both SST's esbuild and the bench's.
type PluginBuild = {
  onResolve(options: { filter: RegExp }, callback: (args: { path: string; importer: string }) => { path: string; namespace: string } | undefined): void;
  onLoad(options: { filter: RegExp; namespace: string }, callback: (args: { path: string }) => { contents: string; resolveDir: string; loader: "js" }): void;
};

/** zod's `export * as locales from "../locales/index.js"`, with only English behind it. */
export const zodEnglishOnly = {
  name: "zod-english-only",
  setup(build: PluginBuild) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](core|classic)[\\/]/.test(args.importer) ? { path: `${dirname(args.importer)}/../locales/index.js`, namespace: "zod-english-only" } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "zod-english-only" }, (args) => ({
      contents: `export { default as en } from "./en.js";`,
      resolveDir: dirname(args.path),
      loader: "js",
    }));
  },
};

/** SST's `nodejs` function props for every function (esbuild options pass through `esbuild`). */
export const nodejsBundling = {
  format: "esm" as const,
  splitting: true,
  minify: true,
  esbuild: { keepNames: true, plugins: [zodEnglishOnly] },
};
