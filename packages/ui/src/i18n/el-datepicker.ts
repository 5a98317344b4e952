import type { Messages } from "./en";
import type { enDatePicker } from "./en-datepicker";

// Greek strings of the date field (packages/ui/src/DatePicker.tsx, issue 22 item 9). Part of `el`.
export const elDatePicker: Pick<Messages, keyof typeof enDatePicker> = {
  "datePicker.hint": "Για παράδειγμα {example}",
  "datePicker.invalid": "Εισαγάγετε ημερομηνία όπως {example}.",
  "datePicker.open": "Επιλογή ημερομηνίας",
  "datePicker.dialog": "Ημερολόγιο",
  "datePicker.previousMonth": "Προηγούμενος μήνας",
  "datePicker.nextMonth": "Επόμενος μήνας",
};
