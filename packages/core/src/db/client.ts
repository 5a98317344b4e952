import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { Config } from "../config/index.ts";
import { usePrefixRanges } from "./prefix-range.ts";
import { useWriteWatch } from "./writes.ts";

// Locally the endpoint points at DynamoDB Local, which accepts any credentials.
export function createDynamoClient() {
  const endpoint = Config.dynamoEndpoint;
  const client = new DynamoDBClient({
    region: Config.region,
    ...(endpoint
      ? { endpoint, credentials: { accessKeyId: "local", secretAccessKey: "local" } }
      : {}),
  });
  usePrefixRanges(client);
  useWriteWatch(client);
  return client;
}
