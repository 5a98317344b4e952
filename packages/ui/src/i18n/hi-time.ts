import type { Messages } from "./en";
import type { enTime } from "./en-time";

// Hindi strings of the team app's time tracking (timer, timesheets, entries). Part of `hi`.
export const hiTime: Pick<Messages, keyof typeof enTime> = {
  "nav.time": "समय",
  "time.title": "समय",
  "time.intro": "{name} का सप्ताह, सोमवार से रविवार, {zone} में।",
  "time.introMine": "आपका सप्ताह, सोमवार से रविवार, {zone} में।",

  // Lengths of time
  "time.hm": "{hours} घं॰ {minutes} मि॰",
  "time.h": "{hours} घं॰",
  "time.m": "{minutes} मि॰",

  // Timer
  "time.timer": "टाइमर",
  "time.start": "टाइमर शुरू करें",
  "time.stop": "टाइमर रोकें",
  "time.running": "चल रहा है",
  "time.runningOn": "आपका टाइमर इस पर चल रहा है",
  "time.elapsed": "टाइमर पर समय",
  "time.stopped": "{label} पर {time} दर्ज किया गया",
  "time.started": "{label} पर टाइमर शुरू हुआ",
  "time.alreadyRunning": "किसी दूसरे टास्क पर पहले से टाइमर चल रहा है। यहाँ शुरू करने से पहले उसे वहाँ रोकें।",
  "time.openRunning": "{label} पर जाएँ",
  "time.estimateVsLogged": "अनुमान बनाम दर्ज समय",
  "time.loggedOfEstimate": "{estimate} में से {logged} दर्ज",
  "time.loggedNoEstimate": "{logged} दर्ज (कोई अनुमान नहीं)",
  "time.overEstimate": "अनुमान से अधिक",
  "time.taskDone": "यह टास्क पूरा हो चुका है, इसलिए इस पर टाइमर शुरू नहीं हो सकता। ज़रूरत हो तो समय पेज पर हाथ से समय दर्ज करें।",

  // Week
  "time.previousWeek": "पिछला सप्ताह",
  "time.nextWeek": "अगला सप्ताह",
  "time.thisWeek": "यह सप्ताह",
  "time.weekOf": "{date} वाला सप्ताह",
  "time.member": "टीम सदस्य",
  "time.total": "कुल",
  "time.billable": "बिल योग्य",
  "time.nonBillable": "बिल योग्य नहीं",
  "time.day": "दिन",
  "time.days": "सप्ताह के दिन",
  "time.entries": "प्रविष्टियाँ",
  "time.emptyTitle": "इस सप्ताह कोई समय दर्ज नहीं",
  "time.emptyBody": "किसी टास्क पर टाइमर शुरू करें, या हाथ से समय दर्ज करें।",
  "time.when": "शुरू हुआ",
  "time.work": "टास्क या क्लाइंट",
  "time.duration": "अवधि",
  "time.note": "टिप्पणी",
  "time.locked": "लॉक: इनवॉइस में शामिल",
  "time.noTask": "कोई टास्क नहीं",

  // Log / edit
  "time.log": "समय दर्ज करें",
  "time.logTitle": "समय दर्ज करें",
  "time.logIntro": "समय आपके टाइम ज़ोन ({zone}) में हैं।",
  "time.editTitle": "समय संपादित करें",
  "time.editNamed": "{label} पर समय संपादित करें",
  "time.deleteNamed": "{label} पर समय हटाएँ",
  "time.target": "टास्क",
  "time.chooseTarget": "टास्क चुनें…",
  "time.clientOption": "{name} (क्लाइंट, कोई टास्क नहीं)",
  "time.startedAt": "तिथि और शुरू होने का समय",
  "time.minutes": "अवधि",
  "time.minutesHint": "मिनट (90) या घंटे और मिनट (1:30)।",
  "time.minutesInvalid": "मिनट (90) या घंटे और मिनट (1:30) दर्ज करें।",
  "time.startedAtInvalid": "चुनें कि काम कब शुरू हुआ।",
  "time.targetRequired": "टास्क चुनें।",
  "time.billableLabel": "बिल योग्य",
  "time.noteLabel": "टिप्पणी",
  "time.logged": "समय दर्ज किया गया",
  "time.saved": "समय सहेजा गया",
  "time.noTasks": "आपके पास समय दर्ज करने के लिए कोई खुला टास्क नहीं है।",
  "time.deleteTitle": "यह समय हटाएँ?",
  "time.deleteMessage": "{label} पर {date} का {time} हटा दिया जाएगा।",
  "time.delete": "हटाएँ",
  "time.deleted": "समय हटाया गया",

  // Team: cost rate
  "time.costRate": "प्रति घंटा लागत दर ({currency})",
  "time.costRateHint": "यह व्यक्ति आपको प्रति घंटा कितने का पड़ता है। इसे केवल आप देखते हैं। न हो तो खाली छोड़ें।",
  "time.costRateInvalid": "25 या 25.50 जैसी कोई राशि दर्ज करें।",
};
