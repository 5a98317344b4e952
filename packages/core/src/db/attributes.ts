// Attributes most entities carry. `version` backs optimistic concurrency: every update says which
// version it read, and the write is conditional on it.
const now = () => new Date().toISOString();

export const timestamps = {
  createdAt: { type: "string", required: true, readOnly: true, default: now },
  updatedAt: { type: "string", required: true, default: now, watch: "*", set: now },
} as const;

export const versioned = {
  version: { type: "number", required: true, default: 1 },
} as const;

export const agencyKey = {
  agencyId: { type: "string", required: true, readOnly: true },
} as const;
