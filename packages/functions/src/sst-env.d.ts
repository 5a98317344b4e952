// What infra/ binds to the functions (SST v2 generates the same into .sst/types during
// `sst dev`/`deploy`; declaring it here keeps type checks independent of that step).
import "sst/node/config";
import "sst/node/site";

declare module "sst/node/config" {
  export interface SecretResources {
    SESSION_SECRET: { value: string };
  }
}

declare module "sst/node/site" {
  export interface StaticSiteResources {
    web: { url: string };
    portal: { url: string };
  }
}
