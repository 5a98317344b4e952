// CSV as spreadsheets and accounting tools read it, for every export (invoices, time).

/** One CSV field: quoted when it holds a comma, quote or newline; formula-looking text is defused. */
export function csvField(value: string | number): string {
  let text = String(value);
  // A cell starting with = + - @ runs as a formula in spreadsheets: prefix it with a quote.
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRow = (fields: (string | number)[]) => fields.map(csvField).join(",");
