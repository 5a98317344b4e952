import { z } from "zod";
import { page } from "../fields/output.ts";
import { FilePlaces, FileStatuses } from "./entity.ts";
import { FileGroups } from "./kinds.ts";
import type { FileView, ListedFile, StartedUpload, Usage } from "./index.ts";
import type { FileSettings } from "./settings.ts";

export const fileSettingsOutput = z.object({
  maxFileBytes: z.number().int(),
  quotaBytes: z.number().int(),
  groups: z.array(z.enum(FileGroups)),
  extensions: z.array(z.string()),
  retentionDays: z.number().int(),
}) satisfies z.ZodType<FileSettings>;

export const output = z
  .object({
    id: z.string(),
    name: z.string(),
    size: z.number().int(),
    contentType: z.string(),
    extension: z.string(),
    status: z.enum(FileStatuses),
    place: z.enum(FilePlaces),
    clientId: z.string(),
    requestId: z.string().nullable(),
    attachedTo: z.string().nullable(),
    round: z.number().int().nullable(),
    preview: z.boolean(),
    uploadedBy: z.object({ type: z.string(), id: z.string(), name: z.string() }),
    seriesId: z.string(),
    seriesVersion: z.number().int(),
    supersededBy: z.string().nullable(),
    createdAt: z.string(),
    visibleToClient: z.boolean().optional(),
    checksum: z.string().nullable().optional(),
    deletedAt: z.string().nullable().optional(),
  })
  .meta({ id: "File" }) satisfies z.ZodType<FileView>;

export const listedOutput = output
  .extend({ request: z.object({ id: z.string(), reference: z.string(), title: z.string() }).nullable() })
  .meta({ id: "ListedFile" }) satisfies z.ZodType<ListedFile>;

export const listOutput = page(output);
export const listedPageOutput = page(listedOutput);

export const usageOutput = fileSettingsOutput.extend({ usedBytes: z.number().int() }) satisfies z.ZodType<Usage>;

export const startedOutput = z.object({
  file: output,
  upload: z.discriminatedUnion("method", [
    z.object({ method: z.literal("POST"), url: z.string(), fields: z.record(z.string(), z.string()) }),
    z.object({ method: z.literal("PUT_PARTS"), partSize: z.number().int(), parts: z.array(z.object({ number: z.number().int(), url: z.string() })) }),
  ]),
  expiresAt: z.string(),
}) satisfies z.ZodType<StartedUpload>;

/** DELETE /files/:id: the file as it is now (the owner's soft delete), or null when an unattached upload was dropped. */
export const removedOutput = z.object({ file: output.nullable() });
