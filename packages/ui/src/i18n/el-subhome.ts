import type { Messages } from "./en";
import type { enSubHome } from "./en-subhome";

// Greek strings of a subcontractor's home (issue 22 item 7). Part of `el`.
export const elSubHome: Pick<Messages, keyof typeof enSubHome> = {
  "subHome.nextTitle": "Επόμενη εργασία",
  "subHome.nextEmpty": "Τίποτα για να ξεκινήσετε",
  "subHome.nextEmptyBody": "Η νέα δουλειά που σας ανατίθεται εμφανίζεται εδώ.",
  "subHome.nextReturned": "Ο έλεγχος ποιότητας την επέστρεψε: δείτε τι πρέπει να αλλάξει.",
  "subHome.timerTitle": "Χρονόμετρο",
  "subHome.timerNone": "Δεν τρέχει χρονόμετρο. Ξεκινήστε ένα από μια εργασία.",
  "subHome.timerLink": "Άνοιγμα του χρόνου μου",
  "subHome.weekTitle": "Ώρες αυτής της εβδομάδας",
  "subHome.weekOf": "{logged} από {capacity}",
  "subHome.weekLink": "Άνοιγμα του φύλλου χρόνου μου",
  "subHome.returnsTitle": "Επιστροφές από τον έλεγχο ποιότητας",
  "subHome.returnsNone": "Τίποτα δεν περιμένει αλλαγές.",
};
