import type { Messages } from "./en";
import type { enReports } from "./en-reports";

// Hindi strings of the team app's money reports (owner). Part of `hi`.
export const hiReports: Pick<Messages, keyof typeof enReports> = {
  "nav.reports": "रिपोर्ट",
  "reports.title": "धन रिपोर्ट",
  "reports.intro": "हर राशि अपनी ही मुद्रा में रहती है: कुछ भी परिवर्तित नहीं किया जाता। महीने और दिन एजेंसी के हैं, {zone} में।",

  // Shared
  "reports.from": "से",
  "reports.to": "तक",
  "reports.client": "क्लाइंट",
  "reports.total": "कुल",
  "reports.other": "अन्य",
  "reports.hours": "{hours} घं॰",
  "reports.currencyTotal": "{currency}: {amount}",
  "reports.loading": "रिपोर्ट लोड हो रही है…",

  // Revenue
  "reports.revenue.title": "राजस्व",
  "reports.revenue.intro": "टैक्स से पहले इनवॉइस की गई राशि, उस महीने के अनुसार जिसमें हर इनवॉइस भेजा गया। ड्राफ़्ट और रद्द इनवॉइस नहीं गिने जाते।",
  "reports.revenue.range": "महीने",
  "reports.revenue.reset": "पिछले 12 महीने",
  "reports.revenue.totalLabel": "इनवॉइस की गई राशि",
  "reports.revenue.invoices": "इनवॉइस",
  "reports.revenue.amount": "इनवॉइस की गई राशि",
  "reports.revenue.clientsCaption": "{currency} में हर क्लाइंट को इनवॉइस की गई राशि",
  "reports.revenue.byMonth": "महीने के अनुसार आँकड़े",
  "reports.revenue.monthsCaption": "{currency} में हर महीने इनवॉइस की गई राशि",
  "reports.revenue.month": "महीना",
  "reports.revenue.barTitle": "{month}: {amount}",
  "reports.revenue.summary": "{from} से {to} तक महीने के अनुसार {currency} में राजस्व: कुल {total}। सबसे अधिक राजस्व {best} में रहा: {bestAmount}।",
  "reports.revenue.emptyTitle": "इन महीनों में कोई इनवॉइस नहीं भेजा गया",
  "reports.revenue.emptyBody": "राजस्व में इनवॉइस भेजे जाने के बाद गिना जाता है, उसी महीने में जिसमें वह जारी हुआ।",

  // Receivables
  "reports.aging.title": "प्राप्य राशि की अवधि",
  "reports.aging.intro": "क्लाइंट पर अभी कितना बकाया है, देय तिथि से कितनी देर हो चुकी है उसके अनुसार।",
  "reports.aging.asOf": "{time} तक की स्थिति।",
  "reports.aging.owed": "बकाया",
  "reports.aging.bucket.current": "चालू",
  "reports.aging.bucket.1-30": "1–30 दिन",
  "reports.aging.bucket.31-60": "31–60 दिन",
  "reports.aging.bucket.61-90": "61–90 दिन",
  "reports.aging.bucket.90+": "90 दिन से अधिक",
  "reports.aging.barTitle": "{bucket}: {amount}",
  "reports.aging.barTitleCount": {
    one: "{bucket}: {count} इनवॉइस पर {amount}",
    other: "{bucket}: {count} इनवॉइस पर {amount}",
  },
  "reports.aging.summary": "देय तिथि के बाद के दिनों के अनुसार {currency} में बकाया राशि: कुल {total}। {parts}।",
  "reports.aging.clientsCaption": "{currency} में हर क्लाइंट का बकाया, देय तिथि के बाद के दिनों के अनुसार",
  "reports.aging.allClients": "सभी क्लाइंट",
  "reports.aging.invoicesTitle": "खुले इनवॉइस",
  "reports.aging.invoicesCaption": "खुले इनवॉइस, जिनकी देय तिथि सबसे पहले निकली वे ऊपर",
  "reports.aging.invoice": "इनवॉइस",
  "reports.aging.due": "देय तिथि",
  "reports.aging.late": "देय तिथि के बाद",
  "reports.aging.balance": "बकाया",
  "reports.aging.daysLate": { one: "{count} दिन", other: "{count} दिन" },
  "reports.aging.notDue": "अभी देय नहीं",
  "reports.aging.dueToday": "एक दिन से कम",
  "reports.aging.emptyTitle": "अभी कुछ भी बकाया नहीं है",
  "reports.aging.emptyBody": "भेजे गए जिन इनवॉइस पर भुगतान बाकी है, वे यहाँ दिखते हैं।",

  // Period of margin and payouts
  "reports.period.legend": "मार्जिन और टीम के बकाये की अवधि",
  "reports.period.reset": "यह महीना",

  // Margin
  "reports.margin.title": "प्रति क्लाइंट मार्जिन",
  "reports.margin.intro":
    "बिल की गई राशि: अवधि में भेजे गए इनवॉइस, टैक्स से पहले। लागत: अवधि में क्लाइंट के लिए टीम का दर्ज समय, बिल योग्य हो या नहीं, हर सदस्य की {currency} में लागत दर पर।",
  "reports.margin.billed": "बिल की गई राशि",
  "reports.margin.cost": "लागत",
  "reports.margin.margin": "मार्जिन",
  "reports.margin.rate": "मार्जिन %",
  "reports.margin.hours": "घंटे",
  "reports.margin.caption": "प्रति क्लाइंट बिल की गई राशि, लागत और मार्जिन",
  "reports.margin.otherCurrency": "बिल {currency} में, लागत {agency} में: परिवर्तन के बिना मार्जिन नहीं निकल सकता।",
  "reports.margin.noRate": "कुछ भी बिल नहीं हुआ",
  "reports.margin.barBilled": "{client}, बिल की गई राशि: {amount}",
  "reports.margin.barCost": "{client}, लागत: {amount}",
  "reports.margin.summary": {
    one: "{count} क्लाइंट के लिए {currency} में बिल की गई राशि और लागत। {parts}।",
    other: "{count} क्लाइंट के लिए {currency} में बिल की गई राशि और लागत। {parts}।",
  },
  "reports.margin.summaryPart": "{client}: बिल {billed}, लागत {cost}",
  "reports.margin.chartNote": "चार्ट {currency} में बिल किए गए क्लाइंट की तुलना करता है; तालिका में हर क्लाइंट है।",
  "reports.margin.noCostRate": {
    one: "{names} ने बिना लागत दर के समय दर्ज किया, इसलिए यहाँ उस समय की कोई लागत नहीं गिनी गई।",
    other: "{names} ने बिना लागत दर के समय दर्ज किया, इसलिए यहाँ उनके समय की कोई लागत नहीं गिनी गई।",
  },
  "reports.margin.memberHours": "{name} ({hours})",
  "reports.margin.setRates": "टीम पेज पर लागत दरें तय करें",
  "reports.margin.emptyTitle": "इस अवधि में कोई इनवॉइस या समय नहीं",
  "reports.margin.emptyBody": "क्लाइंट यहाँ तब दिखते हैं जब उन्हें इनवॉइस भेजा जाए या टीम उनके लिए समय दर्ज करे।",

  // Payouts
  "reports.payouts.title": "टीम का बकाया",
  "reports.payouts.intro": "हर टीम सदस्य (आपके अलावा) को अवधि में दर्ज किए गए समय के लिए उनकी लागत दर पर कितना देना है।",
  "reports.payouts.member": "टीम सदस्य",
  "reports.payouts.hours": "घंटे",
  "reports.payouts.billable": "बिल योग्य घंटे",
  "reports.payouts.rate": "लागत दर",
  "reports.payouts.amount": "राशि",
  "reports.payouts.perHour": "{amount}/घं॰",
  "reports.payouts.noRate": "कोई लागत दर नहीं",
  "reports.payouts.caption": "अवधि के लिए हर टीम सदस्य को कितना देना है",
  "reports.payouts.emptyTitle": "इस अवधि में टीम का कोई समय नहीं",
  "reports.payouts.emptyBody": "टीम सदस्य यहाँ तब दिखते हैं जब वे समय दर्ज करें, या जब उनकी लागत दर तय हो।",
};
