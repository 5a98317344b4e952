import type { Messages } from "./en";
import type { enNav } from "./en-nav";

// Greek strings of the team app's menu, phone bar and command palette. Part of `el`.
export const elNav: Pick<Messages, keyof typeof enNav> = {
  "nav.group.work": "Εργασία",
  "nav.group.clients": "Πελάτες",
  "nav.group.money": "Οικονομικά",
  "nav.group.agency": "Γραφείο",
  "nav.inbox": "Εισερχόμενα",
  "nav.board": "Πίνακας",
  "nav.count.triage": { one: "{n} αίτημα προς διαλογή", other: "{n} αιτήματα προς διαλογή" },
  "nav.count.review": { one: "{n} παραδοτέο προς έλεγχο", other: "{n} παραδοτέα προς έλεγχο" },
  "nav.count.unread": { one: "{n} μη αναγνωσμένο", other: "{n} μη αναγνωσμένα" },
  "nav.count.waiting": { one: "{count} σε αναμονή", other: "{count} σε αναμονή" },
  "nav.collapse": "Σύμπτυξη του μενού",
  "nav.expand": "Ανάπτυξη του μενού",
  "nav.search": "Μετάβαση σε…",
  "nav.more": "Περισσότερα",
  "nav.menu": "Μενού",

  "palette.title": "Μετάβαση σε",
  "palette.label": "Σελίδα, πελάτης, αίτημα ή εργασία",
  "palette.placeholder": "Πληκτρολογήστε ένα όνομα ή έναν κωδικό όπως ACME-1",
  "palette.pages": "Σελίδες",
  "palette.clients": "Πελάτες",
  "palette.requests": "Αιτήματα",
  "palette.tasks": "Εργασίες",
  "palette.searching": "Αναζήτηση…",
  "palette.error": "Η αναζήτηση πελατών, αιτημάτων και εργασιών δεν έγινε αυτή τη στιγμή. Οι σελίδες λειτουργούν· δοκιμάστε ξανά σε λίγο.",
  "palette.none": "Τίποτα δεν ταιριάζει με «{query}».",
  "palette.results": { one: "{count} αποτέλεσμα", other: "{count} αποτελέσματα" },

  // Time approval in the menu (issue 17 part 2): owner and reviewers, with the weeks waiting
  "nav.approvals": "Εγκρίσεις",
  "nav.count.approval": { one: "{n} εβδομάδα χρόνου προς έγκριση", other: "{n} εβδομάδες χρόνου προς έγκριση" },
};
