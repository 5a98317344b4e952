import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Template } from "aws-cdk-lib/assertions";
import { App, getStack } from "sst/constructs";
import { initProject, useProject } from "sst/project.js";
import config from "../../sst.config.ts";

/** A synth bundles the real handlers with esbuild: do it once per file, in `beforeAll`. */
export const SYNTH_TIMEOUT = 180_000;

export type StackFn = Parameters<typeof getStack>[0];
export type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string };

/**
 * Synthesizes the whole app the way `sst deploy --stage <stage>` does, offline: vitest's
 * NODE_ENV=test makes SST skip its AWS bootstrap lookup, and the sites upload a stub folder
 * (BATON_SITES_PREBUILT) so Vite never runs. Give each test file its own stage: SST keeps build
 * artifacts per construct path, and the stage is part of that path, so files can run in parallel.
 */
export async function synth(stage: string, env: Record<string, string> = {}) {
  const sites = mkdtempSync(join(tmpdir(), "baton-sites-"));
  for (const name of ["web", "portal"]) {
    mkdirSync(join(sites, name));
    writeFileSync(join(sites, name, "index.html"), "<!doctype html><title>stub</title>");
  }
  // Deploy-time settings from the developer's shell must not leak into the templates under test,
  // and the settings of this synth (and SST's SST_STAGE) must not leak into other test files.
  const saved = { ...process.env };
  Object.assign(process.env, {
    BATON_WEB_DOMAIN: "",
    BATON_PORTAL_DOMAIN: "",
    BATON_HOSTED_ZONE: "",
    BATON_EMAIL_DOMAIN: "",
    BATON_EMAIL_FROM: "",
    BATON_SIGNUP: "",
    ...env,
    BATON_SITES_PREBUILT: sites,
  });
  try {
    await initProject({ stage });
    const app = new App({
      mode: "deploy",
      name: useProject().config.name,
      stage,
      account: "123456789012",
      region: "us-east-1",
    });
    await config.stacks(app);
    await app.finish();
  } finally {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
    rmSync(sites, { recursive: true, force: true });
  }
  return {
    template: (stack: StackFn) => Template.fromStack(getStack(stack)),
    stack: (stack: StackFn) => getStack(stack),
  };
}

/** The single resource of a type in a template, failing loudly if there are none or several. */
export function only(template: Template, type: string, props: Record<string, unknown> = {}) {
  const found = Object.entries(template.findResources(type, { Properties: props }));
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  const [logicalId, resource] = found[0]!;
  return { logicalId, ...(resource as Resource) };
}

/**
 * What an `Fn::ImportValue` in one stack's template stands for: the value of the matching export
 * in the stack that owns the resource (cross-stack references are how tokens travel between stacks).
 */
export function exported(owner: Template, value: unknown) {
  const name = (value as { "Fn::ImportValue"?: string })?.["Fn::ImportValue"];
  if (!name) throw new Error(`not an import: ${JSON.stringify(value)}`);
  const outputs = Object.values(owner.findOutputs("*")) as { Value: unknown; Export?: { Name: string } }[];
  const output = outputs.find((o) => o.Export?.Name === name);
  if (!output) throw new Error(`no export named ${name}`);
  return output.Value;
}
