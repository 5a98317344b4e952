import type { Messages } from "./en";
import type { enSubHome } from "./en-subhome";

// Hindi strings of a subcontractor's home (issue 22 item 7). Part of `hi`.
export const hiSubHome: Pick<Messages, keyof typeof enSubHome> = {
  "subHome.nextTitle": "अगला टास्क",
  "subHome.nextEmpty": "शुरू करने को कुछ नहीं",
  "subHome.nextEmptyBody": "आपको सौंपा गया नया काम यहाँ दिखेगा।",
  "subHome.nextReturned": "QA ने इसे लौटाया है: देखें कि क्या बदलना है।",
  "subHome.timerTitle": "टाइमर",
  "subHome.timerNone": "कोई टाइमर नहीं चल रहा। किसी टास्क से शुरू करें।",
  "subHome.timerLink": "मेरा समय खोलें",
  "subHome.weekTitle": "इस सप्ताह के घंटे",
  "subHome.weekOf": "{capacity} में से {logged}",
  "subHome.weekLink": "मेरी टाइमशीट खोलें",
  "subHome.returnsTitle": "QA से लौटे",
  "subHome.returnsNone": "बदलाव के लिए कुछ इंतज़ार में नहीं है।",
};
