// The documented shapes of Slack's and Microsoft Teams' incoming-webhook bodies, as JSON Schema,
// for the parts Baton sends (issue 19). Written from the vendors' references:
// - Slack: api.slack.com/messaging/webhooks and the Block Kit reference (api.slack.com/reference/block-kit):
//   `text` is the notification fallback; `blocks` at most 50; a header's text is plain_text up to 150
//   characters; a section has `text` (up to 3000) and/or `fields` (up to 10, each up to 2000); an
//   actions block has up to 25 elements; a button's text is plain_text up to 75 and its url up to 3000.
// - Teams: "Legacy actionable message card reference" (learn.microsoft.com, connectors): `@type`
//   MessageCard, `@context` schema.org/extensions, `summary` or `text` required, `themeColor` hex,
//   `sections[].facts[]` of { name, value }, `potentialAction[]` OpenUri with `targets[]` { os, uri }.

const plainText = (max: number) => ({
  type: "object",
  required: ["type", "text"],
  additionalProperties: false,
  properties: { type: { const: "plain_text" }, text: { type: "string", minLength: 1, maxLength: max }, emoji: { type: "boolean" } },
});
const mrkdwn = (max: number) => ({
  type: "object",
  required: ["type", "text"],
  additionalProperties: false,
  properties: { type: { const: "mrkdwn" }, text: { type: "string", minLength: 1, maxLength: max }, verbatim: { type: "boolean" } },
});

export const slackSchema = {
  type: "object",
  required: ["text", "blocks"],
  additionalProperties: false,
  properties: {
    text: { type: "string", minLength: 1 },
    blocks: {
      type: "array",
      minItems: 1,
      maxItems: 50,
      items: {
        oneOf: [
          { type: "object", required: ["type", "text"], additionalProperties: false, properties: { type: { const: "header" }, text: plainText(150), block_id: { type: "string" } } },
          {
            type: "object",
            required: ["type"],
            anyOf: [{ required: ["text"] }, { required: ["fields"] }],
            additionalProperties: false,
            properties: { type: { const: "section" }, text: mrkdwn(3000), fields: { type: "array", minItems: 1, maxItems: 10, items: mrkdwn(2000) }, block_id: { type: "string" } },
          },
          {
            type: "object",
            required: ["type", "elements"],
            additionalProperties: false,
            properties: {
              type: { const: "actions" },
              block_id: { type: "string" },
              elements: {
                type: "array",
                minItems: 1,
                maxItems: 25,
                items: {
                  type: "object",
                  required: ["type", "text"],
                  additionalProperties: false,
                  properties: { type: { const: "button" }, text: plainText(75), url: { type: "string", format: "uri", maxLength: 3000 }, action_id: { type: "string" }, style: { enum: ["primary", "danger"] } },
                },
              },
            },
          },
        ],
      },
    },
  },
} as const;

export const teamsSchema = {
  type: "object",
  required: ["@type", "@context", "summary"],
  additionalProperties: false,
  properties: {
    "@type": { const: "MessageCard" },
    "@context": { enum: ["https://schema.org/extensions", "http://schema.org/extensions"] },
    summary: { type: "string", minLength: 1 },
    title: { type: "string" },
    text: { type: "string" },
    themeColor: { type: "string", pattern: "^[0-9A-Fa-f]{6}$" },
    sections: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        properties: {
          activityTitle: { type: "string" },
          text: { type: "string" },
          facts: { type: "array", items: { type: "object", required: ["name", "value"], additionalProperties: false, properties: { name: { type: "string" }, value: { type: "string" } } } },
        },
      },
    },
    potentialAction: {
      type: "array",
      maxItems: 4,
      items: {
        type: "object",
        required: ["@type", "name", "targets"],
        additionalProperties: false,
        properties: {
          "@type": { const: "OpenUri" },
          name: { type: "string", minLength: 1 },
          targets: { type: "array", minItems: 1, items: { type: "object", required: ["os", "uri"], additionalProperties: false, properties: { os: { enum: ["default", "iOS", "android", "windows"] }, uri: { type: "string", format: "uri" } } } },
        },
      },
    },
  },
} as const;
