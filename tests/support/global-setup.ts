import type { TestProject } from "vitest/node";
import { freePort, startDynamoLocal, startSes } from "@baton/local/stand-ins";

declare module "vitest" {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    sesEndpoint: string;
  }
}

// Vitest runs this once per project that lists it; the stand-ins are shared by the whole run.
let shared: Promise<{ dynamoEndpoint: string; sesEndpoint: string; stop(): Promise<void> }> | undefined;
let users = 0;

async function start() {
  const dynamo = await startDynamoLocal({ port: await freePort() });
  const ses = await startSes({ port: await freePort() });
  return {
    dynamoEndpoint: dynamo.endpoint,
    sesEndpoint: ses.endpoint,
    stop: async () => {
      await ses.stop();
      await dynamo.stop();
    },
  };
}

export default async function setup(project: TestProject) {
  shared ??= start();
  users++;
  const { dynamoEndpoint, sesEndpoint } = await shared;
  project.provide("dynamoEndpoint", dynamoEndpoint);
  project.provide("sesEndpoint", sesEndpoint);
  return async () => {
    if (--users === 0) await (await shared!).stop();
  };
}
