import type { EntityItem } from "electrodb";
import { defineEntity } from "../db/entity.ts";
import { agencyKey, timestamps, versioned } from "../db/attributes.ts";

export const SurveyKinds = ["csat", "nps"] as const;
export type SurveyKind = (typeof SurveyKinds)[number];

/**
 * One feedback survey sent to one client contact: CSAT after a request is approved, or an NPS
 * check-in. The answer is written onto it (the first score wins), so a survey is also its response.
 */
export const SurveyEntity = defineEntity({
  model: { entity: "survey", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    surveyId: { type: "string", required: true, readOnly: true },
    kind: { type: SurveyKinds, required: true, readOnly: true },
    clientId: { type: "string", required: true, readOnly: true },
    contactId: { type: "string", required: true, readOnly: true },
    /** As when sent, so reports still name someone who has since left. */
    contactName: { type: "string", required: true, readOnly: true },
    /** CSAT only: the approved request, and the team members who did its tasks. */
    requestId: { type: "string", readOnly: true },
    requestReference: { type: "string", readOnly: true },
    requestTitle: { type: "string", readOnly: true },
    memberIds: { type: "list", items: { type: "string" }, required: true, default: () => [], readOnly: true },
    sentAt: { type: "string", required: true, readOnly: true },
    /**
     * When the score links stop working. Not `expiresAt`: that is the table's TTL attribute, and
     * answered surveys are kept for the reports.
     */
    closesAt: { type: "string", required: true, readOnly: true },
    score: { type: "number" },
    comment: { type: "string" },
    commentedAt: { type: "string" },
    /**
     * "yes" once scored; with `respondedAt` it puts the survey in the answeredSurveys index (the
     * reports'). Always written together.
     */
    answered: { type: ["no", "yes"] as const, required: true, default: "no" },
    respondedAt: { type: "string", required: true, default: "-" },
    /** A low score is "open" until the owner follows it up ("done"); only open ones are in lowScoresToFollowUp. */
    followUp: { type: ["none", "open", "done"] as const, required: true, default: "none" },
    followedUpAt: { type: "string" },
    followedUpBy: {
      type: "map",
      properties: {
        type: { type: "string", required: true },
        id: { type: "string", required: true },
        name: { type: "string", required: true },
      },
    },
    followUpNote: { type: "string" },
    ...timestamps,
    ...versioned,
  },
  indexes: {
    surveyById: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: ["surveyId"] },
    },
    /** Sparse: answered surveys by when they were answered (NPS and CSAT over time). */
    answeredSurveys: {
      index: "gsi3",
      pk: { field: "gsi3pk", composite: ["agencyId", "answered"] },
      sk: { field: "gsi3sk", composite: ["respondedAt", "surveyId"] },
      condition: (attr) => attr.answered === "yes",
    },
    /** Sparse: low scores nobody has followed up yet. */
    lowScoresToFollowUp: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["agencyId", "followUp"] },
      sk: { field: "gsi2sk", composite: ["respondedAt", "surveyId"] },
      condition: (attr) => attr.followUp === "open",
    },
  },
});

export type SurveyItem = EntityItem<typeof SurveyEntity>;
