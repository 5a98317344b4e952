// The secrets infra/secrets.ts binds to the functions (SST v2 generates the same into .sst/types
// during `sst dev`/`deploy`; declaring them here keeps type checks independent of that step).
import "sst/node/config";

declare module "sst/node/config" {
  export interface SecretResources {
    SESSION_SECRET: { value: string };
  }
}
