import { render, type RenderedEmail } from "../layout.ts";
import type { Locale } from "../index.ts";

// The two emails step 1 of sign-up may send: a verification link for a new address, or, for an
// address that already has a team account, a pointer to sign in. The request's answer is the
// same for both (signup/index.ts), so only the mailbox's owner learns which one it was.

const texts = {
  en: {
    verifySubject: "Confirm your email to create your agency",
    verifyIntro: "Someone, hopefully you, asked to create an agency on Baton with this address. Use the button below to confirm it and set up your agency.",
    verifyButton: "Create your agency",
    verifyExpiry: "The link works once and expires in 15 minutes. If you did not ask for it, you can ignore this email: nothing was created.",
    existsSubject: "You already have an account",
    existsIntro: "Someone, hopefully you, asked to create an agency on Baton with this address, but it already has an account. Sign in instead: ask for a sign-in link on the sign-in page.",
    existsButton: "Go to the sign-in page",
    existsNote: "If you did not ask for this, you can ignore this email: nothing was changed.",
  },
  el: {
    verifySubject: "Επιβεβαιώστε το email σας για να δημιουργήσετε το γραφείο σας",
    verifyIntro: "Κάποιος, ελπίζουμε εσείς, ζήτησε να δημιουργηθεί γραφείο στο Baton με αυτή τη διεύθυνση. Πατήστε το κουμπί για να την επιβεβαιώσετε και να στήσετε το γραφείο σας.",
    verifyButton: "Δημιουργία γραφείου",
    verifyExpiry: "Ο σύνδεσμος λειτουργεί μία φορά και λήγει σε 15 λεπτά. Αν δεν τον ζητήσατε, αγνοήστε αυτό το email: δεν δημιουργήθηκε τίποτα.",
    existsSubject: "Έχετε ήδη λογαριασμό",
    existsIntro: "Κάποιος, ελπίζουμε εσείς, ζήτησε να δημιουργηθεί γραφείο στο Baton με αυτή τη διεύθυνση, αλλά η διεύθυνση έχει ήδη λογαριασμό. Συνδεθείτε: ζητήστε σύνδεσμο σύνδεσης από τη σελίδα σύνδεσης.",
    existsButton: "Στη σελίδα σύνδεσης",
    existsNote: "Αν δεν το ζητήσατε, αγνοήστε αυτό το email: δεν άλλαξε τίποτα.",
  },
  hi: {
    verifySubject: "अपनी एजेंसी बनाने के लिए अपना ईमेल पुष्टि करें",
    verifyIntro: "किसी ने, उम्मीद है आपने, इस पते से Baton पर एजेंसी बनाने का अनुरोध किया है। पुष्टि करने और अपनी एजेंसी सेट करने के लिए नीचे दिया बटन दबाएँ।",
    verifyButton: "अपनी एजेंसी बनाएँ",
    verifyExpiry: "लिंक एक बार काम करता है और 15 मिनट में समाप्त हो जाता है। अगर आपने यह नहीं माँगा, तो इस ईमेल को अनदेखा करें: कुछ नहीं बनाया गया।",
    existsSubject: "आपका खाता पहले से है",
    existsIntro: "किसी ने, उम्मीद है आपने, इस पते से Baton पर एजेंसी बनाने का अनुरोध किया है, पर इस पते का खाता पहले से है। इसके बजाय साइन इन करें: साइन-इन पेज पर साइन-इन लिंक माँगें।",
    existsButton: "साइन-इन पेज पर जाएँ",
    existsNote: "अगर आपने यह नहीं माँगा, तो इस ईमेल को अनदेखा करें: कुछ नहीं बदला गया।",
  },
} satisfies Record<Locale, Record<string, string>>;

/** The verification link of step 1. */
export function verifyEmail(locale: Locale, url: string): RenderedEmail {
  const text = texts[locale];
  return render(
    text.verifySubject,
    [
      { type: "paragraph", text: text.verifyIntro },
      { type: "button", label: text.verifyButton, url },
      { type: "note", text: text.verifyExpiry },
    ],
    locale,
  );
}

/** Instead of a verification link, for an address that already signs in to the team app. */
export function accountExists(locale: Locale, signInUrl: string): RenderedEmail {
  const text = texts[locale];
  return render(
    text.existsSubject,
    [
      { type: "paragraph", text: text.existsIntro },
      { type: "button", label: text.existsButton, url: signInUrl },
      { type: "note", text: text.existsNote },
    ],
    locale,
  );
}
