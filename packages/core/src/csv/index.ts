// CSV as spreadsheets and accounting tools read it, for every export (invoices, time).

/** One CSV field: quoted when it holds a comma, quote or newline; formula-looking text is defused. */
export function csvField(value: string | number): string {
  let text = String(value);
  // A cell starting with = + - @ runs as a formula in spreadsheets: prefix it with a quote. A plain
  // negative decimal (a credit note's amount, a deposit taken off) is a number, not a formula.
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text) && !/^-\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRow = (fields: (string | number)[]) => fields.map(csvField).join(",");
