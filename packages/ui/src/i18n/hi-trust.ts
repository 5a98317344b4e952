import type { enTrust } from "./en-trust";

// Hindi strings of access and money safety. Part of `hi`.
export const hiTrust: Record<keyof typeof enTrust, string> = {
  "personStatus.deactivated": "निष्क्रिय",

  "apiKeys.scopes": "पहुँच",
  "apiKeys.scopeRead": "पढ़ना",
  "apiKeys.scopeReadHint": "क्लाइंट, अनुरोध, टास्क, समय और इनवॉइस देख सकती है।",
  "apiKeys.scopeWrite": "लिखना",
  "apiKeys.scopeWriteHint": "इन्हें बना और बदल सकती है।",
  "apiKeys.scopesHint": "पहुँच जो भी हो, कोई भी कुंजी API कुंजियाँ नहीं सँभाल सकती, भुगतान की सेटिंग नहीं बदल सकती और टीम नहीं बदल सकती।",
  "apiKeys.scopesNone": "पढ़ना, लिखना या दोनों चुनें।",

  "contacts.deactivate": "निष्क्रिय करें",
  "contacts.deactivateNamed": "{name} को निष्क्रिय करें",
  "contacts.deactivateTitle": "इस संपर्क को निष्क्रिय करें?",
  "contacts.deactivateBody": "{name} हर जगह से तुरंत साइन आउट हो जाएँगे, उनके साइन-इन लिंक और कैलेंडर फ़ीड काम करना बंद कर देंगे, और उन्हें आगे ईमेल नहीं मिलेंगे। आप उन्हें बाद में फिर से सक्रिय कर सकते हैं।",
  "contacts.deactivated": "{name} अब साइन इन नहीं कर सकते।",
  "contacts.reactivate": "फिर से सक्रिय करें",
  "contacts.reactivateNamed": "{name} को फिर से सक्रिय करें",
  "contacts.reactivated": "{name} फिर से साइन इन कर सकते हैं।",
  "contacts.remove": "हटाएँ",
  "contacts.removeNamed": "{name} को हटाएँ",
  "contacts.removeTitle": "इस संपर्क को हटाएँ?",
  "contacts.removeBody": "{name} की पहुँच हमेशा के लिए खत्म हो जाएगी और वे हर जगह से तुरंत साइन आउट हो जाएँगे। उनके अनुरोध और संदेश बने रहेंगे। उनके ईमेल को फिर से आमंत्रित किया जा सकता है।",
  "contacts.removed": "{name} को हटा दिया गया।",

  "credit.title": "लौटाने या समायोजित करने के लिए क्रेडिट",
  "credit.voidBody": "यह इनवॉइस निरस्त होने के बाद कार्ड से {amount} का भुगतान हुआ। पैसा लिया जा चुका है: इसे क्लाइंट को लौटाएँ, या उनके किसी दूसरे इनवॉइस में समायोजित करें।",
  "credit.clientBody": "निरस्त इनवॉइस पर चुकाया गया पैसा, जिसे अभी लौटाना या समायोजित करना है।",
  "credit.applyTo": "इनवॉइस में समायोजित करें",
  "credit.apply": "क्रेडिट समायोजित करें",
  "credit.applied": "क्रेडिट {number} में समायोजित किया गया।",
  "credit.refunded": "लौटाया गया चिह्नित",
  "credit.markRefunded": "लौटाया गया चिह्नित करें",
  "credit.refundReference": "रिफ़ंड संदर्भ",
  "credit.refundReferenceHint": "जैसे, Stripe में रिफ़ंड की आईडी।",
  "credit.markedRefunded": "क्रेडिट को लौटाया गया चिह्नित किया गया।",
  "credit.noTarget": "इस क्लाइंट का {currency} में ऐसा कोई बकाया इनवॉइस नहीं है जिस पर कम से कम इतनी रकम बाकी हो: इसे लौटाएँ, या ऐसा इनवॉइस आने पर समायोजित करें।",
  "credit.from": "{number} से (निरस्त)",
  "credit.status.open": "खुला",
  "credit.status.applied": "दूसरे इनवॉइस में समायोजित",
  "credit.status.refunded": "लौटाया गया",

  "survey.chosenHint": "आपने ईमेल में {max} में से {score} चुना। इसे भेजें, या कोई दूसरा अंक चुनें।",
  "survey.sendChosen": "{max} में से {score} भेजें",
};
