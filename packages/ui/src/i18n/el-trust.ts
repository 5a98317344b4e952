import type { enTrust } from "./en-trust";

// Greek strings of access and money safety. Part of `el`.
export const elTrust: Record<keyof typeof enTrust, string> = {
  "personStatus.deactivated": "Απενεργοποιημένος",

  "apiKeys.scopes": "Πρόσβαση",
  "apiKeys.scopeRead": "Ανάγνωση",
  "apiKeys.scopeReadHint": "Βλέπει πελάτες, αιτήματα, εργασίες, χρόνο και τιμολόγια.",
  "apiKeys.scopeWrite": "Εγγραφή",
  "apiKeys.scopeWriteHint": "Τα δημιουργεί και τα αλλάζει.",
  "apiKeys.scopesHint": "Όποια πρόσβαση κι αν έχει, κανένα κλειδί δεν μπορεί να διαχειριστεί κλειδιά API, να αλλάξει τις ρυθμίσεις πληρωμής ή την ομάδα.",
  "apiKeys.scopesNone": "Επιλέξτε ανάγνωση, εγγραφή ή και τα δύο.",

  "contacts.deactivate": "Απενεργοποίηση",
  "contacts.deactivateNamed": "Απενεργοποίηση: {name}",
  "contacts.deactivateTitle": "Απενεργοποίηση αυτής της επαφής;",
  "contacts.deactivateBody": "Ο/Η {name} αποσυνδέεται αμέσως παντού, οι σύνδεσμοι σύνδεσης και η ροή ημερολογίου σταματούν να λειτουργούν και δεν λαμβάνει άλλα email. Μπορείτε να την ενεργοποιήσετε ξανά αργότερα.",
  "contacts.deactivated": "Ο/Η {name} δεν μπορεί πλέον να συνδεθεί.",
  "contacts.reactivate": "Επανενεργοποίηση",
  "contacts.reactivateNamed": "Επανενεργοποίηση: {name}",
  "contacts.reactivated": "Ο/Η {name} μπορεί να συνδεθεί ξανά.",
  "contacts.remove": "Αφαίρεση",
  "contacts.removeNamed": "Αφαίρεση: {name}",
  "contacts.removeTitle": "Αφαίρεση αυτής της επαφής;",
  "contacts.removeBody": "Ο/Η {name} χάνει οριστικά την πρόσβαση και αποσυνδέεται αμέσως παντού. Τα αιτήματα και τα μηνύματά του/της παραμένουν. Το email μπορεί να προσκληθεί ξανά.",
  "contacts.removed": "Ο/Η {name} αφαιρέθηκε.",

  "credit.title": "Πίστωση για επιστροφή ή συμψηφισμό",
  "credit.voidBody": "Πληρώθηκαν {amount} με κάρτα αφού ακυρώθηκε αυτό το τιμολόγιο. Τα χρήματα εισπράχθηκαν: επιστρέψτε τα στον πελάτη ή συμψηφίστε τα με άλλο τιμολόγιό του.",
  "credit.clientBody": "Χρήματα που πληρώθηκαν σε ακυρωμένα τιμολόγια και δεν έχουν ακόμη επιστραφεί ή συμψηφιστεί.",
  "credit.applyTo": "Συμψηφισμός με τιμολόγιο",
  "credit.apply": "Συμψηφισμός πίστωσης",
  "credit.applied": "Η πίστωση συμψηφίστηκε με το {number}.",
  "credit.refunded": "Σημειώθηκε ως επιστραμμένη",
  "credit.markRefunded": "Σήμανση ως επιστραμμένη",
  "credit.refundReference": "Αναφορά επιστροφής",
  "credit.refundReferenceHint": "Για παράδειγμα, το αναγνωριστικό της επιστροφής στο Stripe.",
  "credit.markedRefunded": "Η πίστωση σημειώθηκε ως επιστραμμένη.",
  "credit.noTarget": "Αυτός ο πελάτης δεν έχει απλήρωτο τιμολόγιο σε {currency} με οφειλή τουλάχιστον τόση: επιστρέψτε την ή συμψηφίστε την όταν υπάρξει.",
  "credit.from": "Από το {number} (ακυρωμένο)",
  "credit.status.open": "Ανοιχτή",
  "credit.status.applied": "Συμψηφίστηκε με άλλο τιμολόγιο",
  "credit.status.refunded": "Επιστράφηκε",

  "survey.chosenHint": "Στο email επιλέξατε {score} από {max}. Στείλτε το ή διαλέξτε άλλη βαθμολογία.",
  "survey.sendChosen": "Αποστολή: {score} από {max}",
};
