import type { Messages } from "./en";
import type { enZones } from "./en-zones";

// Greek strings of time zones: the other party's local time, the meeting planner. Part of `el`.
export const elZones: Pick<Messages, keyof typeof enZones> = {
  "nav.planner": "Προγραμματιστής συναντήσεων",

  "zones.timeFor": "{time} για {name} ({zone})",
  "zones.timeIn": "{time} στη ζώνη {zone}",

  "planner.title": "Προγραμματιστής συναντήσεων",
  "planner.intro": "Πότε το γραφείο και ένας πελάτης ή ένα μέλος της ομάδας εργάζονται ταυτόχρονα, μέρα με τη μέρα. Οι ώρες είναι στη δική σας ζώνη, {zone}, με τις δικές τους δίπλα.",
  "planner.assumedHours":
    "Οι πελάτες και τα μέλη της ομάδας δεν έχουν εδώ δικό τους ωράριο, οπότε ο προγραμματιστής υποθέτει 09:00–17:00, Δευτέρα έως Παρασκευή, στη δική τους ζώνη ώρας. Το ωράριο και οι αργίες του γραφείου είναι όσα ορίζονται στις Ρυθμίσεις.",
  "planner.who": "Με ποιον θα συναντηθείτε;",
  "planner.client": "Πελάτης",
  "planner.member": "Μέλος της ομάδας",
  "planner.chooseClient": "Επιλέξτε πελάτη",
  "planner.chooseMember": "Επιλέξτε μέλος της ομάδας",
  "planner.pickTitle": "Επιλέξτε με ποιον θα συναντηθείτε",
  "planner.pickBody": "Διαλέξτε πελάτη ή μέλος της ομάδας για να δείτε πότε επικαλύπτονται οι ώρες εργασίας σας μέσα στην εβδομάδα.",
  "planner.weekNav": "Επιλογή εβδομάδας",
  "planner.previous": "Προηγούμενη εβδομάδα",
  "planner.next": "Επόμενη εβδομάδα",
  "planner.thisWeek": "Αυτή την εβδομάδα",
  "planner.weekOf": "Εβδομάδα της",
  "planner.weekHeading": "Εβδομάδα της {date}",
  "planner.grid": "Ώρες εργασίας την εβδομάδα της {date}, σε ώρα {zone}",
  "planner.day": "Ημέρα",
  "planner.agencyColumn": "Γραφείο: {name} ({zone})",
  "planner.bothColumn": "Εργάζονται και οι δύο",
  "planner.notWorking": "Εκτός εργασίας",
  "planner.noShared": "Καμία κοινή ώρα",
  "planner.range": "{start}–{end}",
  "planner.total": "Κοινές ώρες αυτή την εβδομάδα: {hours}",
  "planner.noOverlapTitle": "Καμία κοινή ώρα εργασίας αυτή την εβδομάδα",
  "planner.noOverlapBody": "Οι ώρες του γραφείου και του/της {name} δεν συμπίπτουν αυτή την εβδομάδα. Δοκιμάστε άλλη εβδομάδα ή συμφωνήστε μια ώρα εκτός του συνηθισμένου ωραρίου κάποιου.",
  "planner.clockChange": "Οι ώρες αλλάζουν αυτή την εβδομάδα σε {zones}· οι ώρες παρακάτω ακολουθούν ήδη την αλλαγή.",
  "planner.unknownPerson": "Αυτός ο πελάτης ή το μέλος της ομάδας δεν υπάρχει πια στη λίστα. Επιλέξτε ξανά.",
};
