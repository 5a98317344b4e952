import type { Messages } from "./en";
import type { enNav } from "./en-nav";

// Hindi strings of the team app's menu, phone bar and command palette. Part of `hi`.
export const hiNav: Pick<Messages, keyof typeof enNav> = {
  "nav.group.work": "काम",
  "nav.group.clients": "क्लाइंट",
  "nav.group.money": "पैसा",
  "nav.group.agency": "एजेंसी",
  "nav.inbox": "इनबॉक्स",
  "nav.board": "बोर्ड",
  "nav.count.triage": { one: "निर्णय के लिए {n} अनुरोध", other: "निर्णय के लिए {n} अनुरोध" },
  "nav.count.review": { one: "समीक्षा के लिए {n} डिलीवरेबल", other: "समीक्षा के लिए {n} डिलीवरेबल" },
  "nav.count.unread": { one: "{n} अपठित", other: "{n} अपठित" },
  "nav.count.waiting": { one: "{count} प्रतीक्षा में", other: "{count} प्रतीक्षा में" },
  "nav.collapse": "मेन्यू छोटा करें",
  "nav.expand": "मेन्यू बड़ा करें",
  "nav.search": "सीधे जाएँ…",
  "nav.more": "और",
  "nav.menu": "मेन्यू",

  "palette.title": "सीधे जाएँ",
  "palette.label": "पेज, क्लाइंट, अनुरोध या टास्क",
  "palette.placeholder": "कोई नाम या ACME-1 जैसा संदर्भ लिखें",
  "palette.pages": "पेज",
  "palette.clients": "क्लाइंट",
  "palette.requests": "अनुरोध",
  "palette.tasks": "टास्क",
  "palette.searching": "खोज जारी है…",
  "palette.error": "अभी क्लाइंट, अनुरोध और टास्क नहीं खोजे जा सके। पेज अब भी खुलते हैं; थोड़ी देर बाद फिर कोशिश करें।",
  "palette.none": "“{query}” से कुछ मेल नहीं खाता।",
  "palette.results": { one: "{count} परिणाम", other: "{count} परिणाम" },

  // Time approval in the menu (issue 17 part 2): owner and reviewers, with the weeks waiting
  "nav.approvals": "स्वीकृतियाँ",
  "nav.count.approval": { one: "स्वीकृति के लिए {n} सप्ताह का समय", other: "स्वीकृति के लिए {n} सप्ताह का समय" },
};
