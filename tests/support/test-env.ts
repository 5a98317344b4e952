import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { ensureTable } from "@baton/local/stand-ins";
import { ensureLocalBucket } from "@baton/core/file/bucket";
import "./property.ts";
import { describeMismatches, mismatches, reached } from "./contract.ts";

// Runs before each test file is imported: a table and a bucket of its own, and the configuration
// the core reads when it is first loaded.
const tableName = `baton-test-${randomBytes(6).toString("hex")}`;
const bucketName = `baton-test-${randomBytes(6).toString("hex")}`;
Object.assign(process.env, {
  AWS_REGION: "us-east-1",
  BATON_TABLE_NAME: tableName,
  DYNAMODB_ENDPOINT: inject("dynamoEndpoint"),
  SES_ENDPOINT: inject("sesEndpoint"),
  S3_ENDPOINT: inject("s3Endpoint"),
  BATON_BUCKET_NAME: bucketName,
  BATON_SESSION_SECRET: randomBytes(32).toString("base64url"),
  BATON_EMAIL_FROM: "Baton Tests <tests@baton.example>",
  // Request lines would bury the test output; tests that read the logs raise it themselves.
  BATON_LOG_LEVEL: "warn",
  // As under `npm start`; tests/api/signup.test.ts switches to invite and closed itself.
  BATON_SIGNUP_MODE: "open",
});
await ensureTable(inject("dynamoEndpoint"), tableName);
// Browser tests serve the apps on a port chosen at start: any local port may upload.
await ensureLocalBucket(inject("s3Endpoint"), bucketName, ["http://localhost:*", "http://127.0.0.1:*"]);

// The API contract: a file whose calls got answers the OpenAPI document doesn't declare fails here.
afterAll(() => {
  if (process.env.BATON_CONTRACT_REPORT) console.log(`contract: ${reached.size} operations reached, ${mismatches.length} mismatches`);
  if (mismatches.length) throw new Error(`The API answered outside its OpenAPI contract:\n${describeMismatches()}`);
});
