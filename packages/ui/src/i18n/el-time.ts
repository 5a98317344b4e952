import type { Messages } from "./en";
import type { enTime } from "./en-time";

// Greek strings of the team app's time tracking (timer, timesheets, entries). Part of `el`.
export const elTime: Pick<Messages, keyof typeof enTime> = {
  "nav.time": "Χρόνος",
  "time.title": "Χρόνος",
  "time.intro": "Η εβδομάδα του μέλους {name}, Δευτέρα έως Κυριακή, σε ώρα {zone}.",
  "time.introMine": "Η εβδομάδα σας, Δευτέρα έως Κυριακή, σε ώρα {zone}.",

  // Lengths of time
  "time.hm": "{hours} ώρ. {minutes} λεπ.",
  "time.h": "{hours} ώρ.",
  "time.m": "{minutes} λεπ.",

  // Timer
  "time.timer": "Χρονόμετρο",
  "time.start": "Έναρξη χρονομέτρου",
  "time.stop": "Διακοπή χρονομέτρου",
  "time.running": "Σε λειτουργία",
  "time.runningOn": "Το χρονόμετρό σας μετράει για",
  "time.elapsed": "Χρόνος στο χρονόμετρο",
  "time.stopped": "Καταγράφηκαν {time} για {label}",
  "time.started": "Το χρονόμετρο ξεκίνησε για {label}",
  "time.alreadyRunning": "Ένα χρονόμετρο μετράει ήδη σε άλλη εργασία. Σταματήστε το εκεί πριν ξεκινήσετε ένα εδώ.",
  "time.openRunning": "Μετάβαση σε: {label}",
  "time.estimateVsLogged": "Εκτίμηση και καταγεγραμμένος χρόνος",
  "time.loggedOfEstimate": "Καταγράφηκαν {logged} από {estimate}",
  "time.loggedNoEstimate": "Καταγράφηκαν {logged} (χωρίς εκτίμηση)",
  "time.overEstimate": "Πάνω από την εκτίμηση",
  "time.taskDone": "Αυτή η εργασία έχει ολοκληρωθεί, οπότε το χρονόμετρο δεν μπορεί να ξεκινήσει. Αν χρειάζεται, καταγράψτε χρόνο χειροκίνητα στη σελίδα Χρόνος.",

  // Week
  "time.previousWeek": "Προηγούμενη εβδομάδα",
  "time.nextWeek": "Επόμενη εβδομάδα",
  "time.thisWeek": "Αυτή η εβδομάδα",
  "time.weekOf": "Εβδομάδα από {date}",
  "time.member": "Μέλος ομάδας",
  "time.total": "Σύνολο",
  "time.billable": "Χρεώσιμος",
  "time.nonBillable": "Μη χρεώσιμος",
  "time.day": "Ημέρα",
  "time.days": "Ημέρες της εβδομάδας",
  "time.entries": "Καταχωρίσεις",
  "time.emptyTitle": "Δεν καταγράφηκε χρόνος αυτή την εβδομάδα",
  "time.emptyBody": "Ξεκινήστε ένα χρονόμετρο σε μια εργασία ή καταγράψτε χρόνο χειροκίνητα.",
  "time.when": "Έναρξη",
  "time.work": "Εργασία ή πελάτης",
  "time.duration": "Διάρκεια",
  "time.note": "Σημείωση",
  "time.locked": "Κλειδωμένο: σε τιμολόγιο",
  "time.noTask": "Χωρίς εργασία",

  // Log / edit
  "time.log": "Καταγραφή χρόνου",
  "time.logTitle": "Καταγραφή χρόνου",
  "time.logIntro": "Οι ώρες είναι στη ζώνη ώρας σας ({zone}).",
  "time.editTitle": "Επεξεργασία χρόνου",
  "time.editNamed": "Επεξεργασία χρόνου για {label}",
  "time.deleteNamed": "Διαγραφή χρόνου για {label}",
  "time.target": "Εργασία",
  "time.chooseTarget": "Επιλέξτε εργασία…",
  "time.clientOption": "{name} (πελάτης, χωρίς εργασία)",
  "time.startedAt": "Ημερομηνία και ώρα έναρξης",
  "time.minutes": "Διάρκεια",
  "time.minutesHint": "Λεπτά (90) ή ώρες και λεπτά (1:30).",
  "time.minutesInvalid": "Εισαγάγετε λεπτά (90) ή ώρες και λεπτά (1:30).",
  "time.startedAtInvalid": "Επιλέξτε πότε ξεκίνησε η δουλειά.",
  "time.targetRequired": "Επιλέξτε την εργασία.",
  "time.billableLabel": "Χρεώσιμος",
  "time.noteLabel": "Σημείωση",
  "time.logged": "Ο χρόνος καταγράφηκε",
  "time.saved": "Ο χρόνος αποθηκεύτηκε",
  "time.noTasks": "Δεν έχετε ανοιχτές εργασίες για καταγραφή χρόνου.",
  "time.deleteTitle": "Διαγραφή αυτού του χρόνου;",
  "time.deleteMessage": "Θα διαγραφούν {time} για {label}, {date}.",
  "time.delete": "Διαγραφή",
  "time.deleted": "Ο χρόνος διαγράφηκε",

  // Team: cost rate
  "time.costRate": "Κόστος ανά ώρα ({currency})",
  "time.costRateHint": "Πόσο σας κοστίζει αυτό το άτομο ανά ώρα. Το βλέπετε μόνο εσείς. Αφήστε το κενό αν δεν υπάρχει.",
  "time.costRateInvalid": "Εισαγάγετε ποσό όπως 25 ή 25,50.",
};
