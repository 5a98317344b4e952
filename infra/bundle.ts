import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

// How every Baton function is bundled (sst.config.ts sets it as the default; bench/cold-start.ts
// builds the API the same way to measure it). What a cold start pays for is the code it loads, so:
// - ESM with code splitting: what only some calls need (the invoice PDF's pdfkit and fontkit,
//   Stripe, the OpenAPI generator, the S3, SES and Lambda clients, the Greek and Hindi error
//   catalogs, markdown-it) is reached by `import()` and lands in its own chunk, loaded by the first
//   call that needs it. A typical call loads the entry and the chunks it imports statically.
// - minified, names kept (readable stack traces);
// - zod's error-message locales left out: zod re-exports all of them (`z.locales`, about 260 KB
//   minified) and no Baton code reads them; its English messages, which zod uses by default, stay.
// - the OpenAPI document made here, from the routes, and served as a file: hono-openapi's
//   generator (and zod's JSON Schema converters behind it) never reach a function; the routes'
//   `hono-openapi` imports get the same middleware without the generator's metadata.
// - ElectroDB's model validator (jsonschema) left out: the entry points skip the model check
//   (packages/core/db/trusted-models.ts) and tests/core/models.test.ts runs it on every model.
// The AWS SDK stays in the bundle: marking it external measured slower (issue 14).

// The part of esbuild's plugin API used here, so that the plugin suits both SST's esbuild and the bench's.
type PluginBuild = {
  onResolve(options: { filter: RegExp }, callback: (args: { path: string; importer: string }) => { path: string; namespace: string } | undefined): void;
  onLoad(options: { filter: RegExp; namespace?: string }, callback: (args: { path: string }) => { contents: string; resolveDir?: string; loader: "js" | "json" }): void;
};

/** The repository a source file belongs to (the bench bundles an older tree beside this one). */
const repoOf = (file: string) => file.slice(0, Math.max(0, file.lastIndexOf("/packages/")));

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

/** zod's `fromJSONSchema` (JSON Schema → zod, about 12 KB), which no Baton code calls: left out. */
export const zodWithoutFromJsonSchema = {
  name: "zod-without-from-json-schema",
  setup(build: PluginBuild) {
    build.onResolve({ filter: /^\.\/from-json-schema\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/]classic[\\/]/.test(args.importer) ? { path: args.path, namespace: "zod-without-from-json-schema" } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "zod-without-from-json-schema" }, () => ({
      contents: `export function fromJSONSchema() { throw new Error("z.fromJSONSchema is left out of Baton's bundles (infra/bundle.ts)"); }`,
      loader: "js",
    }));
  },
};

/**
 * packages/functions/src/api/openapi.json, made when the API is bundled by the same generator as
 * `npm run openapi` (a child process: the generator loads the routes, which are TypeScript), so a
 * deployed document is today's even if the committed copy, served by the local runtime, is not.
 */
export const openApiAtBuild = {
  name: "openapi-at-build",
  setup(build: PluginBuild) {
    build.onLoad({ filter: /[\\/]packages[\\/]functions[\\/]src[\\/]api[\\/]openapi\.json$/ }, (args) => {
      const root = repoOf(args.path);
      const script = join(root, "packages/functions/src/scripts/openapi.ts");
      const contents = execFileSync(process.execPath, ["--import", "tsx", script, "--stdout"], { cwd: root, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
      return { contents, loader: "json" };
    });
  },
};

/** `hono-openapi` in the routes → openapi-runtime.ts (its middleware, no generator). */
export const openApiRuntime = {
  name: "openapi-runtime",
  setup(build: PluginBuild) {
    build.onResolve({ filter: /^hono-openapi$/ }, (args) => {
      const shim = join(repoOf(args.importer), "packages/functions/src/api/openapi-runtime.ts");
      // The generator itself (openapi-spec.ts) keeps the real one, as does a tree without the shim.
      if (/openapi-spec\.ts$/.test(args.importer) || !existsSync(shim)) return undefined;
      return { path: resolve(shim), namespace: "file" };
    });
  },
};

/** ElectroDB's `require("jsonschema")`: a validator that checks nothing and says so. */
export const electroDbWithoutModelCheck = {
  name: "electrodb-without-model-check",
  setup(build: PluginBuild) {
    build.onResolve({ filter: /^jsonschema$/ }, (args) =>
      /[\\/]electrodb[\\/]/.test(args.importer) ? { path: "jsonschema", namespace: "electrodb-without-model-check" } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "electrodb-without-model-check" }, () => ({
      // ElectroDB asks it for two things: "is this a model?" of every entity a Service is given
      // (no: an entity is not a bare model, so the Service goes by its _instance, as it does when
      // the check fails), and "is this model valid?", which trusted-models.ts turns off; were it
      // asked anyway, the error says why.
      contents: `class Validator {
  addSchema() {}
  validate() { return { errors: [{ property: "model", argument: "skipped", message: "ElectroDB's model check is left out of deployed bundles (tests/core/models.test.ts runs it)" }] }; }
}
Validator.prototype.customFormats = {};
module.exports = { Validator };`,
      loader: "js",
    }));
  },
};

/**
 * ElectroDB's `require("@aws-sdk/lib-dynamodb")`: a require keeps a whole package, and this one's
 * DynamoDBDocument names every DynamoDB command; ElectroDB sends these ten, so only they are kept.
 */
export const electroDbCommandsOnly = {
  name: "electrodb-commands-only",
  setup(build: PluginBuild) {
    build.onResolve({ filter: /^@aws-sdk\/lib-dynamodb$/ }, (args) =>
      /[\\/]electrodb[\\/]src[\\/]client\.js$/.test(args.importer) ? { path: `${args.importer}#commands`, namespace: "electrodb-commands-only" } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "electrodb-commands-only" }, (args) => ({
      contents: `export { GetCommand, PutCommand, UpdateCommand, DeleteCommand, BatchWriteCommand, BatchGetCommand, ScanCommand, QueryCommand, TransactWriteCommand, TransactGetCommand } from "@aws-sdk/lib-dynamodb";`,
      resolveDir: dirname(args.path.replace(/#commands$/, "")),
      loader: "js",
    }));
  },
};

/** SST's `nodejs` function props for every function (esbuild options pass through `esbuild`). */
export const nodejsBundling = {
  format: "esm" as const,
  splitting: true,
  minify: true,
  esbuild: { keepNames: true, plugins: [zodEnglishOnly, zodWithoutFromJsonSchema, openApiRuntime, openApiAtBuild, electroDbWithoutModelCheck, electroDbCommandsOnly] },
};
