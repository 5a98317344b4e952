import type { Messages } from "./en";
import type { enZones } from "./en-zones";

// Hindi strings of time zones: the other party's local time, the meeting planner. Part of `hi`.
export const hiZones: Pick<Messages, keyof typeof enZones> = {
  "nav.planner": "मीटिंग प्लानर",

  "zones.timeFor": "{name} के लिए {time} ({zone})",
  "zones.timeIn": "{zone} में {time}",

  "planner.title": "मीटिंग प्लानर",
  "planner.intro": "एजेंसी और कोई क्लाइंट या टीम सदस्य एक साथ कब काम करते हैं, दिन-ब-दिन। समय आपके ज़ोन {zone} में है, उनका समय साथ में।",
  "planner.assumedHours":
    "यहाँ क्लाइंट और टीम सदस्यों के अपने काम के घंटे नहीं होते, इसलिए प्लानर उनके टाइम ज़ोन में सोमवार से शुक्रवार, 09:00–17:00 मानता है। एजेंसी के घंटे और छुट्टियाँ सेटिंग्स से आती हैं।",
  "planner.who": "आप किससे मिल रहे हैं?",
  "planner.client": "क्लाइंट",
  "planner.member": "टीम सदस्य",
  "planner.chooseClient": "क्लाइंट चुनें",
  "planner.chooseMember": "टीम सदस्य चुनें",
  "planner.pickTitle": "चुनें कि आप किससे मिल रहे हैं",
  "planner.pickBody": "किसी क्लाइंट या टीम सदस्य को चुनें और देखें कि सप्ताह में आपके काम के घंटे कब मेल खाते हैं।",
  "planner.weekNav": "सप्ताह चुनें",
  "planner.previous": "पिछला सप्ताह",
  "planner.next": "अगला सप्ताह",
  "planner.thisWeek": "यह सप्ताह",
  "planner.weekOf": "सप्ताह, जिसकी शुरुआत",
  "planner.weekHeading": "{date} से शुरू होने वाला सप्ताह",
  "planner.grid": "{date} से शुरू होने वाले सप्ताह के काम के घंटे, {zone} समय में",
  "planner.day": "दिन",
  "planner.agencyColumn": "एजेंसी: {name} ({zone})",
  "planner.bothColumn": "दोनों काम पर",
  "planner.notWorking": "काम पर नहीं",
  "planner.noShared": "कोई साझा समय नहीं",
  "planner.range": "{start}–{end}",
  "planner.total": "इस सप्ताह साझा समय: {hours}",
  "planner.noOverlapTitle": "इस सप्ताह काम के घंटे आपस में कहीं मेल नहीं खाते",
  "planner.noOverlapBody": "इस सप्ताह एजेंसी के घंटे और {name} के घंटे मेल नहीं खाते। कोई दूसरा सप्ताह देखें, या किसी के सामान्य घंटों से बाहर का समय तय करें।",
  "planner.clockChange": "इस सप्ताह {zones} में घड़ियाँ बदलती हैं; नीचे के घंटे इस बदलाव के अनुसार ही हैं।",
  "planner.unknownPerson": "वह क्लाइंट या टीम सदस्य अब सूची में नहीं है। फिर से चुनें।",
};
