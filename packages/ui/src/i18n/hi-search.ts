import type { Messages } from "./en";
import type { enSearch } from "./en-search";

// Hindi strings of search (issue 22). Part of `hi`.
export const hiSearch: Pick<Messages, keyof typeof enSearch> = {
  "search.title": "खोज",
  "search.label": "रेफ़रेंस, शीर्षक या नाम से खोजें",
  "search.introTeam": "क्लाइंट, अनुरोध, टास्क, इनवॉइस और SOP, रेफ़रेंस (ACME-12, INV-00042), शीर्षक या नाम से। अंग्रेज़ी के बड़े-छोटे अक्षर मायने नहीं रखते।",
  "search.introPortal": "आपके अनुरोध और इनवॉइस, रेफ़रेंस (ACME-12, INV-00042) या शीर्षक से। अंग्रेज़ी के बड़े-छोटे अक्षर मायने नहीं रखते।",
  "search.results": "परिणाम",
  "search.kind.client": "क्लाइंट",
  "search.kind.request": "अनुरोध",
  "search.kind.task": "टास्क",
  "search.kind.invoice": "इनवॉइस",
  "search.kind.quote": "कोटेशन",
  "search.kind.sop": "SOP",
  "search.draftInvoice": "ड्राफ़्ट इनवॉइस",
  "search.startTitle": "लिखें कि आप क्या ढूँढ रहे हैं",
  "search.startBody": "एक रेफ़रेंस, शीर्षक का एक शब्द या एक नाम काफ़ी है।",
  "search.none": "“{query}” से कुछ नहीं मिला।",
  "search.noneBody": "कम शब्दों से, या किसी शब्द के पहले अक्षरों से खोजें।",
  "search.nav": "खोज",
  "palette.invoices": "इनवॉइस",
  "palette.sops": "SOP",
  "palette.allResults": "“{query}” के सभी परिणाम",
};
