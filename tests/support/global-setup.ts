import type { TestProject } from "vitest/node";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, startDynamoLocal, startS3, startSes } from "@baton/local/stand-ins";

declare module "vitest" {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    sesEndpoint: string;
    s3Endpoint: string;
  }
}

// Vitest runs this once per project that lists it; the stand-ins are shared by the whole run.
let shared: Promise<{ dynamoEndpoint: string; sesEndpoint: string; s3Endpoint: string; stop(): Promise<void> }> | undefined;
let users = 0;

async function start() {
  const dynamo = await startDynamoLocal({ port: await freePort() });
  const ses = await startSes({ port: await freePort() });
  // s3rver keeps objects on disk: a folder of the run's own, removed at the end.
  const directory = await mkdtemp(join(tmpdir(), "baton-s3-"));
  const s3 = await startS3({ port: await freePort(), directory });
  return {
    dynamoEndpoint: dynamo.endpoint,
    sesEndpoint: ses.endpoint,
    s3Endpoint: s3.endpoint,
    stop: async () => {
      await s3.stop();
      await rm(directory, { recursive: true, force: true });
      await ses.stop();
      await dynamo.stop();
    },
  };
}

export default async function setup(project: TestProject) {
  shared ??= start();
  users++;
  const { dynamoEndpoint, sesEndpoint, s3Endpoint } = await shared;
  project.provide("dynamoEndpoint", dynamoEndpoint);
  project.provide("sesEndpoint", sesEndpoint);
  project.provide("s3Endpoint", s3Endpoint);
  return async () => {
    if (--users === 0) await (await shared!).stop();
  };
}
