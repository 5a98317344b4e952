import type { EntityItem } from "electrodb";
import { defineEntity } from "../db/entity.ts";
import { agencyKey, timestamps, versioned } from "../db/attributes.ts";
import { shardAttribute } from "../db/shard.ts";

export const AgencyEntity = defineEntity({
  model: { entity: "agency", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    name: { type: "string", required: true },
    timeZone: { type: "string", required: true },
    currency: { type: "string", required: true },
    /** How clients pay without a card: bank transfer, Wise, PayPal details, shown on invoices. */
    paymentInstructions: { type: "string" },
    /** The last invoice number issued; bumped in the transaction that issues the next one, so no gaps. */
    invoiceSeq: { type: "number", required: true, default: 0 },
    /** Feedback surveys (survey/): an NPS check-in per client every this many days… */
    npsEveryDays: { type: "number", required: true, default: 30 },
    /** …and never more than one survey per contact within this many days. */
    surveyQuietDays: { type: "number", required: true, default: 14 },
    /** …nor an NPS check-in within this many days of the client finishing onboarding. Absent: 30. */
    npsAfterOnboardingDays: { type: "number" },
    /** The agency's working week (business-hours/): ISO weekdays and local "HH:MM" hours. Absent: Monday–Friday 09:00–17:00. */
    workingDays: { type: "list", items: { type: "number" } },
    workingStart: { type: "string" },
    workingEnd: { type: "string" },
    /** Days off ("YYYY-MM-DD" in the agency's zone): no business hours, no response clock. */
    holidays: { type: "list", items: { type: "string" } },
    /** Files (file/settings.ts): the largest file in MB, the quota in GB, the allowed groups, days deleted files are kept. Absent: the defaults. */
    fileMaxMb: { type: "number" },
    fileQuotaGb: { type: "number" },
    fileGroups: { type: "list", items: { type: "string" } },
    fileRetentionDays: { type: "number" },
    /** Bytes of ready files, counted up on confirm and down on delete; checked against the quota in the same transaction. */
    storageBytes: { type: "number" },
    /** May subcontractors write in a request's client thread? Off: they write internal notes and the owner talks to the client. */
    subcontractorsWriteToClients: { type: "boolean" },
    /** Does subcontractors' time need approval before it counts against a retainer or is invoiced (timesheet/approval.ts)? Absent: yes. */
    timeNeedsApproval: { type: "boolean" },
    /** How time entries are billed (money/increments.ts): the step in minutes, up or nearest, the minimum per entry. */
    incrementStep: { type: "number" },
    incrementRounding: { type: "string" },
    incrementMinimum: { type: "number" },
    /** What invoices print about the agency (invoice/parties.ts). */
    legalName: { type: "string" },
    legalAddress: { type: "string" },
    taxId: { type: "string" },
    registrationText: { type: "string" },
    /** The agency's brand (brand/): what clients see instead of the product's name. Absent: the agency's name and Baton's colours. */
    brandName: { type: "string" },
    /** The colour used (darkened until white text on it reads at 4.5:1), and the one the owner chose. */
    brandColor: { type: "string" },
    brandColorChosen: { type: "string" },
    /** The logo: a checked raster image in the files bucket (place "logo"), its key and type kept here so the public read is one GetItem. */
    logoFileId: { type: "string" },
    logoKey: { type: "string" },
    logoType: { type: "string" },
    senderName: { type: "string" },
    replyTo: { type: "string" },
    emailFooter: { type: "string" },
    portalTitle: { type: "string" },
    portalWelcome: { type: "string" },
    /** Which of the `agencies` index's partitions it is in (db/shard.ts), from its id. */
    shard: shardAttribute("agencyId"),
    ...timestamps,
    ...versioned,
  },
  indexes: {
    agency: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: [] },
    },
    /** Every agency on this installation: the scheduled jobs' starting point (one Query per shard). */
    agencies: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["shard"] },
      sk: { field: "gsi2sk", composite: ["agencyId"] },
    },
  },
});

export type AgencyItem = EntityItem<typeof AgencyEntity>;
