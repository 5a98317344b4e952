import type { Messages } from "./en";
import type { enCalendar } from "./en-calendar";

// Hindi strings of the deadline calendar and calendar feeds (team app and portal). Part of `hi`.
export const hiCalendar: Pick<Messages, keyof typeof enCalendar> = {
  "nav.calendar": "कैलेंडर",

  // The month grid (team app)
  "calendar.title": "कैलेंडर",
  "calendar.introOwner": "हर खुले टास्क की समय-सीमा, {zone} के अनुसार उसी के दिन पर।",
  "calendar.introMine": "आपके खुले टास्क की समय-सीमाएँ, {zone} के अनुसार उन्हीं के दिन पर।",
  "calendar.previous": "पिछला महीना",
  "calendar.next": "अगला महीना",
  "calendar.today": "आज",
  "calendar.monthNav": "महीना चुनें",
  "calendar.filters": "फ़िल्टर",
  "calendar.allClients": "सभी क्लाइंट",
  "calendar.client": "क्लाइंट",
  "calendar.member": "ज़िम्मेदार व्यक्ति",
  "calendar.everyone": "सभी",
  "calendar.unassigned": "किसी को नहीं सौंपा गया",
  "calendar.grid": "{month} की समय-सीमाएँ",
  "calendar.list": "{month} की समय-सीमाएँ, दिन-ब-दिन",
  "calendar.todayMarker": "आज",
  "calendar.urgent": "अत्यावश्यक",
  "calendar.overdue": "समय-सीमा निकल चुकी",
  "calendar.dueAt": "समय-सीमा {time}",
  "calendar.taskCount": { one: "{count} समय-सीमा", other: "{count} समय-सीमाएँ" },
  "calendar.emptyTitle": "{month} में कोई समय-सीमा नहीं",
  "calendar.emptyBody": "इस महीने की समय-सीमा वाले खुले टास्क यहाँ अपने दिन पर दिखते हैं। कोई दूसरा महीना देखें या फ़िल्टर हटाएँ।",
  "calendar.emptyBodyMine": "आपको सौंपे गए जिन टास्क की समय-सीमा इस महीने है, वे यहाँ अपने दिन पर दिखते हैं।",

  // The private feed (team app and portal)
  "calendarFeed.title": "अपने कैलेंडर में सब्सक्राइब करें",
  "calendarFeed.titlePortal": "कैलेंडर फ़ीड",
  "calendarFeed.introTeam": "अपनी समय-सीमाएँ Google Calendar, Outlook या Apple Calendar में जोड़ें। वे वहाँ अपने-आप अपडेट होती रहेंगी, लगभग हर घंटे।",
  "calendarFeed.introClient": "अपने अनुरोधों की समय-सीमाएँ, और आपकी माँगी गई तिथियाँ, Google Calendar, Outlook या Apple Calendar में जोड़ें। वे वहाँ अपने-आप अपडेट होती रहेंगी।",
  "calendarFeed.url": "आपका निजी कैलेंडर लिंक",
  "calendarFeed.copy": "लिंक कॉपी करें",
  "calendarFeed.copied": "कॉपी हो गया",
  "calendarFeed.shownOnce": "इसे अभी कॉपी करें: आपकी गोपनीयता के लिए यह केवल इसी बार दिखाया जाता है। जिसके पास भी यह लिंक होगा वह ये समय-सीमाएँ देख सकता है, इसलिए इसे अपने तक रखें।",
  "calendarFeed.hidden": "आपका निजी लिंक {date} को बनाया गया था। यह केवल बनते समय दिखाया जाता है; इसे फिर से पाने के लिए इसे रीसेट करें (पुराने लिंक वाले कैलेंडर अपडेट होना बंद कर देंगे)।",
  "calendarFeed.how": "Google Calendar: Other calendars → + → From URL। Outlook: Add calendar → Subscribe from web। Apple Calendar: File → New Calendar Subscription।",
  "calendarFeed.reset": "लिंक रीसेट करें",
  "calendarFeed.resetTitle": "अपना कैलेंडर लिंक रीसेट करें?",
  "calendarFeed.resetMessage": "वर्तमान लिंक तुरंत काम करना बंद कर देगा, और उससे सब्सक्राइब किए गए कैलेंडर अपडेट होना बंद कर देंगे। सब्सक्राइब करने के लिए आपको एक नया लिंक मिलेगा।",
  "calendarFeed.resetDone": "आपका नया कैलेंडर लिंक तैयार है। इससे अपने कैलेंडर में सब्सक्राइब करें।",
};
