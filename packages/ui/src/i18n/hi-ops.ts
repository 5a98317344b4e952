import type { Messages } from "./en";
import type { enOps } from "./en-ops";

export const hiOps: Pick<Messages, keyof typeof enOps> = {
  "undeliverable.bounce": "इस पते पर भेजे गए ईमेल {date} को लौट आए, इसलिए Baton अब इस पर नहीं भेजता। उनसे पता जाँच लें।",
  "undeliverable.complaint": "उन्होंने {date} को Baton के एक ईमेल को स्पैम चिह्नित किया, इसलिए Baton अब उन्हें ईमेल नहीं भेजता।",

  "signIn.noEmailHint":
    "कुछ नहीं आया? अपना स्पैम फ़ोल्डर देखें। अगर इस पते पर पहले भेजे गए ईमेल लौट आए थे या स्पैम चिह्नित किए गए थे, तो Baton इस पर भेजना बंद कर देता है: अपनी एजेंसी से कहें कि वह आपका पता जाँच ले।",

  "clientData.title": "क्लाइंट का डेटा",
  "clientData.intro": "Baton इस क्लाइंट के बारे में जो कुछ रखता है, उसे डाउनलोड करें, या उनके कहने पर मिटा दें।",
  "clientData.export": "डेटा निर्यात करें (JSON)",
  "clientData.exported": "{client} का निर्यात डाउनलोड हो गया है।",
  "clientData.erase": "क्लाइंट मिटाएँ…",
  "clientData.eraseTitle": "{client} को मिटाएँ?",
  "clientData.eraseIntro": "इससे क्लाइंट के लोग, अनुरोध, टास्क, संदेश, बिना इनवॉइस वाला समय, सर्वे और ऑनबोर्डिंग मिट जाते हैं, और इसे वापस नहीं किया जा सकता। अगर प्रति चाहिए तो पहले डेटा निर्यात करें।",
  "clientData.eraseKept": "रखा जाता है, क्योंकि कानून यह माँगता है: पहले से भेजे गए इनवॉइस (उनके भुगतान और उन पर बिल किया गया समय) और क्लाइंट का वह नाम व मुद्रा जिसके नाम वे जारी हुए।",
  "clientData.eraseConfirm": "पुष्टि के लिए क्लाइंट का कोड, {code}, लिखें",
  "clientData.eraseButton": "हमेशा के लिए मिटाएँ",
  "clientData.erased": "{client} मिटा दिया गया। जारी किए गए इनवॉइस रखे गए।",
  "clientData.erasedNote": "यह क्लाइंट {date} को मिटाया गया। केवल वही रखा गया है जो कानून माँगता है: जारी इनवॉइस और वह नाम जिसके नाम वे जारी हुए।",
};
