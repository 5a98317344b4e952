export { NotFoundPage as default } from "@baton/ui/StatusPages";
