// What a person reads when a field fails validation. Baton's schemas carry their own sentences
// ("Choose the client."); where one doesn't, zod's English default ("Invalid input: expected
// number, received NaN") would reach the person. Those are recognised and replaced by a sentence
// chosen by the issue's code, written so the error boundary can translate it (i18n/errors-*.ts).

/** The parts of a zod (or Standard Schema) issue these sentences read. */
export type Issue = {
  code?: string;
  message: string;
  path?: ReadonlyArray<PropertyKey | { key: PropertyKey }>;
  expected?: string;
  origin?: string;
  format?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  divisor?: number | bigint;
  values?: readonly unknown[];
  keys?: readonly string[];
};

/** zod's own English messages all start like this; Baton's never do. */
const ZOD_DEFAULT = /^(Invalid|Too (small|big)|Unrecognized key)/;

const isText = (origin: string | undefined) => origin === "string";
const isCount = (origin: string | undefined) => origin === "array" || origin === "set" || origin === "map";
const isNumber = (origin: string | undefined) => origin === "number" || origin === "int" || origin === "bigint";

function typeMessage(issue: Issue): string {
  // A missing field: zod says it "received undefined" (the input itself is not kept in the issue).
  if (/received undefined$/.test(issue.message)) return "This field is required.";
  switch (issue.expected) {
    case "number":
    case "int":
    case "bigint":
    case "nan":
      return "Enter a number.";
    case "string":
      return "Enter text.";
    case "boolean":
      return "Choose yes or no.";
    case "array":
    case "tuple":
    case "set":
      return "Enter a list of values.";
    case "date":
      return "Enter a date.";
    case "object":
    case "record":
    case "map":
      return "Enter a group of named values.";
    default:
      return "This value is not valid.";
  }
}

function sizeMessage(issue: Issue, bound: "min" | "max"): string {
  const limit = String(bound === "min" ? issue.minimum : issue.maximum);
  const inclusive = issue.inclusive !== false;
  if (isText(issue.origin)) {
    if (bound === "min") return limit === "1" ? "Fill this in." : `Use at least ${limit} characters.`;
    return `Use at most ${limit} characters.`;
  }
  if (isCount(issue.origin)) return bound === "min" ? `Choose at least ${limit}.` : `Choose at most ${limit}.`;
  if (isNumber(issue.origin)) {
    if (bound === "min") return inclusive ? `Enter ${limit} or more.` : `Enter more than ${limit}.`;
    return inclusive ? `Enter ${limit} or less.` : `Enter less than ${limit}.`;
  }
  return "This value is not valid.";
}

function formatMessage(issue: Issue): string {
  switch (issue.format) {
    case "email":
      return "Enter a valid email address.";
    case "url":
      return "Enter a web address, such as https://example.com.";
    case "datetime":
      return "Enter a date and time, such as 2026-11-23T10:00:00Z.";
    case "date":
      return "Enter a date as YYYY-MM-DD.";
    default:
      return "This value is not in the expected format.";
  }
}

/** The sentence for one issue: the schema's own, or a readable one for zod's defaults. */
export function issueMessage(issue: Issue): string {
  if (!ZOD_DEFAULT.test(issue.message)) return issue.message;
  switch (issue.code) {
    case "invalid_type":
      return typeMessage(issue);
    case "too_small":
      return sizeMessage(issue, "min");
    case "too_big":
      return sizeMessage(issue, "max");
    case "invalid_format":
      return formatMessage(issue);
    case "invalid_value":
      return issue.values?.length ? `Choose one of: ${issue.values.map(String).join(", ")}.` : "This value is not valid.";
    case "not_multiple_of":
      return `Enter a multiple of ${String(issue.divisor)}.`;
    case "unrecognized_keys":
      return "Unknown field.";
    default:
      return "This value is not valid.";
  }
}

/** Field path → sentence, the first issue of each field; "_" for the body as a whole. */
export function fieldMessages(issues: readonly Issue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const path = (issue.path ?? []).map((p) => String(typeof p === "object" && p !== null ? p.key : p));
    if (issue.code === "unrecognized_keys" && issue.keys) {
      for (const key of issue.keys) fields[[...path, key].join(".")] ??= "Unknown field.";
      continue;
    }
    fields[path.length ? path.join(".") : "_"] ??= issueMessage(issue);
  }
  return fields;
}
