import type { Messages } from "./en";
import type { enHours } from "./en-hours";

// Greek strings of response promises: the agency's working hours and holidays, time left to respond, breaches. Part of `el`.
export const elHours: Pick<Messages, keyof typeof enHours> = {
  "hours.title": "Ωράριο εργασίας",
  "hours.intro": "Οι δεσμεύσεις απόκρισης προς τους πελάτες μετρούν μόνο αυτές τις ώρες, στη ζώνη ώρας του γραφείου ({zone}). Οι αργίες δεν μετρούν καθόλου.",
  "hours.days": "Εργάσιμες ημέρες",
  "hours.start": "Έναρξη ημέρας",
  "hours.end": "Λήξη ημέρας",
  "hours.endHint": "Το 00:00 σημαίνει τα μεσάνυχτα στο τέλος της ημέρας.",
  "hours.holidays": "Αργίες",
  "hours.holidaysHint": "Μη εργάσιμες ημέρες στη ζώνη {zone}. Έως {max}.",
  "hours.holidayDate": "Ημερομηνία αργίας",
  "hours.addHoliday": "Προσθήκη αργίας",
  "hours.removeHoliday": "Αφαίρεση {date}",
  "hours.noHolidays": "Δεν υπάρχουν ακόμη αργίες.",
  "hours.pickDate": "Επιλέξτε πρώτα ημερομηνία.",
  "hours.saved": "Το ωράριο εργασίας αποθηκεύτηκε.",

  "hours.duration": "{hours} ώρ. {minutes} λεπ.",
  "hours.durationHours": "{hours} ώρ.",
  "hours.durationMinutes": "{minutes} λεπ.",
  "hours.left": "απομένουν {time}",
  "hours.overdueBy": "εκπρόθεσμο κατά {time}",
  "hours.overdue": "εκπρόθεσμο",
  "hours.inboxNote": "Ο χρόνος που απομένει μετρά μόνο τις ώρες εργασίας του γραφείου και παραλείπει τις αργίες του.",

  "hours.homeTitle": "Δεσμεύσεις απόκρισης αυτόν τον μήνα",
  "hours.homeBreached": { one: "δέσμευση αθετήθηκε", other: "δεσμεύσεις αθετήθηκαν" },
  "hours.homeOf": { one: "από {count} αίτημα που ελήφθη", other: "από {count} αιτήματα που ελήφθησαν" },
  "hours.homeEmpty": "Δεν έχουν ληφθεί ακόμη αιτήματα αυτόν τον μήνα.",
  "hours.homeLink": "Άνοιγμα της αναφοράς",
  "requests.waitingForHours": "Αναμένει ώρες",
  "requests.waitingForHoursNote": "Οι ώρες του πελάτη {client} για αυτόν τον μήνα εξαντλήθηκαν και ο κανόνας του είναι η παύση νέας εργασίας, οπότε αυτό το αίτημα περιμένει εδώ. Αν το αποδεχτείτε, η εργασία ξεκινά πέρα από τις ώρες του: προσθέστε πρώτα ώρες στη σελίδα του πελάτη ή περιμένετε τον επόμενο μήνα.",
  "portal.request.waitingForHours": "Αυτό το αίτημα περιμένει ώρες: οι ώρες σας για αυτόν τον μήνα εξαντλήθηκαν, οπότε το γραφείο {agency} ξεκινά νέα εργασία μόλις προστεθούν ώρες ή αρχίσει ο επόμενος μήνας.",
};
