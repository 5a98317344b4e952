import type { Messages } from "./en";
import type { enDatePicker } from "./en-datepicker";

// Hindi strings of the date field (packages/ui/src/DatePicker.tsx, issue 22 item 9). Part of `hi`.
export const hiDatePicker: Pick<Messages, keyof typeof enDatePicker> = {
  "datePicker.hint": "उदाहरण के लिए {example}",
  "datePicker.invalid": "{example} जैसी तिथि दर्ज करें।",
  "datePicker.open": "तिथि चुनें",
  "datePicker.dialog": "कैलेंडर",
  "datePicker.previousMonth": "पिछला महीना",
  "datePicker.nextMonth": "अगला महीना",
};
