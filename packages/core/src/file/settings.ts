import { z } from "zod";
import type { AgencyItem } from "../agency/entity.ts";
import { extensionsFor, FileGroups, type FileGroup } from "./kinds.ts";

// The agency's limits on files: the largest file, the storage quota, the allowed groups of types
// and how long deleted files are kept. Agencies that never set them get the defaults.

export const DEFAULT_MAX_FILE_MB = 100;
export const DEFAULT_QUOTA_GB = 10;
export const DEFAULT_RETENTION_DAYS = 30;
const MB = 1024 * 1024;
const GB = 1024 * MB;

export type FileSettings = {
  maxFileBytes: number;
  quotaBytes: number;
  groups: FileGroup[];
  /** The allowed groups' extensions, for the apps' file pickers. */
  extensions: string[];
  retentionDays: number;
};

export function fileSettingsOf(item: Pick<AgencyItem, "fileMaxMb" | "fileQuotaGb" | "fileGroups" | "fileRetentionDays"> | null | undefined): FileSettings {
  const groups = (item?.fileGroups?.filter((group): group is FileGroup => (FileGroups as readonly string[]).includes(group)) ?? [...FileGroups]);
  return {
    maxFileBytes: (item?.fileMaxMb ?? DEFAULT_MAX_FILE_MB) * MB,
    quotaBytes: (item?.fileQuotaGb ?? DEFAULT_QUOTA_GB) * GB,
    groups,
    extensions: extensionsFor(groups),
    retentionDays: item?.fileRetentionDays ?? DEFAULT_RETENTION_DAYS,
  };
}

export const fileSettingsSchema = z
  .strictObject({
    maxFileMb: z.number({ error: "Enter a size in MB." }).int("Enter whole megabytes.").min(1, "Allow at least 1 MB.").max(5000, "Keep the largest file at 5,000 MB or less."),
    quotaGb: z.number({ error: "Enter a size in GB." }).int("Enter whole gigabytes.").min(1, "Allow at least 1 GB.").max(10_000, "Keep the quota at 10,000 GB or less."),
    groups: z
      .array(z.enum(FileGroups, { error: "Choose from the listed kinds of file." }), { error: "Choose the kinds of file to allow." })
      .min(1, "Allow at least one kind of file.")
      .refine((groups) => new Set(groups).size === groups.length, "Choose each kind only once."),
    retentionDays: z.number({ error: "Enter a number of days." }).int("Enter whole days.").min(1, "Keep deleted files at least 1 day.").max(365, "Keep deleted files at most 365 days."),
  })
  .partial();

/** The agency item's attributes for a settings change. */
export function fileSettingsChanges(input: z.output<typeof fileSettingsSchema>) {
  return {
    ...(input.maxFileMb !== undefined ? { fileMaxMb: input.maxFileMb } : {}),
    ...(input.quotaGb !== undefined ? { fileQuotaGb: input.quotaGb } : {}),
    ...(input.groups !== undefined ? { fileGroups: [...input.groups] } : {}),
    ...(input.retentionDays !== undefined ? { fileRetentionDays: input.retentionDays } : {}),
  };
}
