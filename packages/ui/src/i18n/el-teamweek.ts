import type { Messages } from "./en";
import type { enTeamWeek } from "./en-teamweek";

// Greek strings of the owner's team week on the Time page (issue 22 item 7). Part of `el`.
export const elTeamWeek: Pick<Messages, keyof typeof enTeamWeek> = {
  "teamWeek.intro": "Οι ώρες κάθε ατόμου αυτή την εβδομάδα σε σχέση με τη διαθεσιμότητά του, Δευτέρα έως Κυριακή στη δική του ζώνη ώρας. Επιλέξτε ένα όνομα για να ανοίξετε την εβδομάδα του.",
  "teamWeek.weeks": "Εβδομάδες",
  "teamWeek.totals": "Ομάδα: {logged} από {capacity}",
  "teamWeek.empty": "Δεν υπάρχει ακόμη κανείς στην ομάδα",
  "teamWeek.caption": "Ώρες ανά άτομο αυτή την εβδομάδα",
  "teamWeek.capacity": "Διαθεσιμότητα",
  "teamWeek.share": "Της διαθεσιμότητας",
  "teamWeek.percent": "{percent}%",
  "teamWeek.state": "Φύλλο χρόνου",
  "teamWeek.state.empty": "Τίποτα καταγεγραμμένο",
  "teamWeek.state.open": "Δεν έχει υποβληθεί",
  "teamWeek.state.returned": "Επιστράφηκε",
  "teamWeek.state.submitted": "Περιμένει έλεγχο",
  "teamWeek.state.approved": "Εγκρίθηκε",
  "teamWeek.you": "{name} (εσείς)",
  "teamWeek.overview": "Επισκόπηση ομάδας",
  "teamWeek.myWeek": "Η εβδομάδα μου",
};
