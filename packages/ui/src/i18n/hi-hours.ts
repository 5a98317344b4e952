import type { Messages } from "./en";
import type { enHours } from "./en-hours";

// Hindi strings of response promises: the agency's working hours and holidays, time left to respond, breaches. Part of `hi`.
export const hiHours: Pick<Messages, keyof typeof enHours> = {
  "hours.title": "काम के घंटे",
  "hours.intro": "क्लाइंट से किए गए जवाब के वादे सिर्फ़ इन्हीं घंटों को गिनते हैं, एजेंसी के टाइम ज़ोन ({zone}) में। छुट्टियाँ बिल्कुल नहीं गिनी जातीं।",
  "hours.days": "काम के दिन",
  "hours.start": "दिन शुरू",
  "hours.end": "दिन खत्म",
  "hours.endHint": "00:00 का मतलब दिन के अंत की आधी रात है।",
  "hours.holidays": "छुट्टियाँ",
  "hours.holidaysHint": "{zone} में छुट्टी के दिन। अधिकतम {max}।",
  "hours.holidayDate": "छुट्टी की तिथि",
  "hours.addHoliday": "छुट्टी जोड़ें",
  "hours.removeHoliday": "{date} हटाएँ",
  "hours.noHolidays": "अभी कोई छुट्टी नहीं।",
  "hours.pickDate": "पहले एक तिथि चुनें।",
  "hours.saved": "काम के घंटे सहेजे गए।",

  "hours.duration": "{hours} घं॰ {minutes} मि॰",
  "hours.durationHours": "{hours} घं॰",
  "hours.durationMinutes": "{minutes} मि॰",
  "hours.left": "{time} बाकी",
  "hours.overdueBy": "{time} की देरी",
  "hours.overdue": "देर हो गई",
  "hours.inboxNote": "बाकी समय सिर्फ़ एजेंसी के काम के घंटे गिनता है और उसकी छुट्टियाँ छोड़ देता है।",

  "hours.homeTitle": "इस महीने जवाब के वादे",
  "hours.homeBreached": { one: "वादा टूटा", other: "वादे टूटे" },
  "hours.homeOf": { one: "{count} मिले अनुरोध में से", other: "{count} मिले अनुरोधों में से" },
  "hours.homeEmpty": "इस महीने अभी कोई अनुरोध नहीं मिला।",
  "hours.homeLink": "रिपोर्ट खोलें",
  "requests.waitingForHours": "घंटों की प्रतीक्षा में",
  "requests.waitingForHoursNote": "{client} के इस महीने के घंटे पूरे हो चुके हैं और उसका नियम नया काम रोकना है, इसलिए यह अनुरोध यहीं प्रतीक्षा में है। इसे स्वीकार करने पर काम उसके घंटों से आगे शुरू होगा: पहले क्लाइंट के पेज पर घंटे जोड़ें, या अगले महीने की प्रतीक्षा करें।",
  "portal.request.waitingForHours": "यह अनुरोध घंटों की प्रतीक्षा में है: इस महीने के आपके घंटे पूरे हो चुके हैं, इसलिए {agency} नया काम तभी शुरू करेगा जब घंटे जोड़े जाएँ या अगला महीना शुरू हो।",
};
