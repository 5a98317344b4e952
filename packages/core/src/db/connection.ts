import { Config } from "../config/index.ts";
import { createDynamoClient } from "./client.ts";

// The one DynamoDB client every entity sends through, and the table they share. The table's name is
// read when an entity is first used (db/entity.ts), by then the configuration is complete.
export const client = createDynamoClient();

export const tableName = (): string => Config.tableName;
