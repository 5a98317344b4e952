export * as Files from "./index.ts";
// Output schemas: what this area's functions answer, as the OpenAPI document declares it.
export * from "./output.ts";

// The agency's files in S3: what kinds are accepted (kinds.ts), names (names.ts), who sees what
// (access.ts), uploads (upload.ts), attaching to requests, messages and deliverables (attach.ts),
// the Files pages (lists.ts), deleting and the retention job (manage.ts).

export { FileGroups, FileKinds, extensionsFor, isInlineImage } from "./kinds.ts";
export { contentDisposition, checkName } from "./names.ts";
export { present, type FileView } from "./present.ts";
export { canSee, downloadUrl, get, visible } from "./access.ts";
export { start, confirm, assertUploader, type StartedUpload, type UploadTicket } from "./upload.ts";
export { forAttach, attachCommit, attachItem, publishItem, ofRequest, MAX_ATTACHMENTS } from "./attach.ts";
export { forClient, mine, ofSop, usage, type ListedFile, type Usage } from "./lists.ts";
export { remove, purgeDue } from "./manage.ts";
export { fileSettingsOf, type FileSettings } from "./settings.ts";
export { TEAM, UNATTACHED } from "./entity.ts";
