// English strings of the date field (packages/ui/src/DatePicker.tsx, issue 22 item 9). Part of `en`.
export const enDatePicker = {
  "datePicker.hint": "For example {example}",
  "datePicker.invalid": "Enter a date like {example}.",
  "datePicker.open": "Choose a date",
  "datePicker.dialog": "Calendar",
  "datePicker.previousMonth": "Previous month",
  "datePicker.nextMonth": "Next month",
} as const;
