import type { Messages } from "./en";
import type { enCalendar } from "./en-calendar";

// Greek strings of the deadline calendar and calendar feeds (team app and portal). Part of `el`.
export const elCalendar: Pick<Messages, keyof typeof enCalendar> = {
  "nav.calendar": "Ημερολόγιο",

  // The month grid (team app)
  "calendar.title": "Ημερολόγιο",
  "calendar.introOwner": "Η προθεσμία κάθε ανοιχτής εργασίας, την ημέρα που λήγει σε ώρα {zone}.",
  "calendar.introMine": "Οι προθεσμίες των ανοιχτών σας εργασιών, την ημέρα που λήγουν σε ώρα {zone}.",
  "calendar.previous": "Προηγούμενος μήνας",
  "calendar.next": "Επόμενος μήνας",
  "calendar.today": "Σήμερα",
  "calendar.monthNav": "Επιλογή μήνα",
  "calendar.filters": "Φίλτρα",
  "calendar.allClients": "Όλοι οι πελάτες",
  "calendar.client": "Πελάτης",
  "calendar.member": "Υπεύθυνος",
  "calendar.everyone": "Όλοι",
  "calendar.unassigned": "Χωρίς ανάθεση",
  "calendar.grid": "Προθεσμίες: {month}",
  "calendar.list": "Προθεσμίες: {month}, ημέρα προς ημέρα",
  "calendar.todayMarker": "σήμερα",
  "calendar.urgent": "Επείγον",
  "calendar.overdue": "Εκπρόθεσμο",
  "calendar.dueAt": "λήγει {time}",
  "calendar.taskCount": { one: "{count} προθεσμία", other: "{count} προθεσμίες" },
  "calendar.emptyTitle": "Καμία προθεσμία: {month}",
  "calendar.emptyBody": "Οι ανοιχτές εργασίες που λήγουν αυτόν τον μήνα εμφανίζονται εδώ την ημέρα τους. Δοκιμάστε άλλον μήνα ή καταργήστε τα φίλτρα.",
  "calendar.emptyBodyMine": "Οι εργασίες που σας έχουν ανατεθεί και λήγουν αυτόν τον μήνα εμφανίζονται εδώ την ημέρα τους.",

  // The private feed (team app and portal)
  "calendarFeed.title": "Συνδρομή από το ημερολόγιό σας",
  "calendarFeed.titlePortal": "Ροή ημερολογίου",
  "calendarFeed.introTeam": "Προσθέστε τις προθεσμίες σας στο Google Calendar, στο Outlook ή στο Apple Calendar. Ενημερώνονται εκεί αυτόματα, περίπου μία φορά την ώρα.",
  "calendarFeed.introClient": "Προσθέστε τις προθεσμίες των αιτημάτων σας, και τις ημερομηνίες που ζητήσατε, στο Google Calendar, στο Outlook ή στο Apple Calendar. Ενημερώνονται εκεί αυτόματα.",
  "calendarFeed.url": "Ο ιδιωτικός σύνδεσμος του ημερολογίου σας",
  "calendarFeed.copy": "Αντιγραφή συνδέσμου",
  "calendarFeed.copied": "Αντιγράφηκε",
  "calendarFeed.shownOnce": "Αντιγράψτε τον τώρα: για την ιδιωτικότητά σας εμφανίζεται μόνο αυτή τη φορά. Όποιος έχει τον σύνδεσμο βλέπει αυτές τις προθεσμίες, γι' αυτό κρατήστε τον για εσάς.",
  "calendarFeed.hidden": "Ο ιδιωτικός σας σύνδεσμος δημιουργήθηκε στις {date}. Εμφανίζεται μόνο κατά τη δημιουργία του· για να τον πάρετε ξανά, επαναφέρετέ τον (τα ημερολόγια με τον παλιό σύνδεσμο σταματούν να ενημερώνονται).",
  "calendarFeed.how": "Google Calendar: Άλλα ημερολόγια → + → Από URL. Outlook: Προσθήκη ημερολογίου → Εγγραφή από το web. Apple Calendar: Αρχείο → Νέα συνδρομή ημερολογίου.",
  "calendarFeed.reset": "Επαναφορά συνδέσμου",
  "calendarFeed.resetTitle": "Επαναφορά του συνδέσμου ημερολογίου;",
  "calendarFeed.resetMessage": "Ο τρέχων σύνδεσμος σταματά αμέσως να λειτουργεί και τα ημερολόγια που είναι συνδεδεμένα σε αυτόν σταματούν να ενημερώνονται. Θα λάβετε νέο σύνδεσμο για συνδρομή.",
  "calendarFeed.resetDone": "Ο νέος σύνδεσμος ημερολογίου σας είναι έτοιμος. Χρησιμοποιήστε τον για συνδρομή στο ημερολόγιό σας.",
};
