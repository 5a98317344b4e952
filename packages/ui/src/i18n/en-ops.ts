// English strings of operations: undeliverable addresses (SES feedback), a client's data export
// and erasure. Part of `en`.
export const enOps = {
  // On a person (team list, client contacts) whose address SES gave up on
  "undeliverable.bounce": "Emails to this address bounced on {date}, so we no longer send to it. Check the address with them.",
  "undeliverable.complaint": "They marked one of our emails as spam on {date}, so we no longer email them.",

  // Sign-in page, after a link was asked for
  "signIn.noEmailHint":
    "Nothing arrived? Check your spam folder. If earlier emails to this address bounced or were marked as spam, we stop sending to it: ask your agency to check the address they have for you.",

  // A client's data (client page, owner)
  "clientData.title": "Client data",
  "clientData.intro": "Download everything held about this client, or erase it when they ask you to.",
  "clientData.export": "Export data (JSON)",
  "clientData.exported": "The export of {client} has been downloaded.",
  "clientData.erase": "Erase client…",
  "clientData.eraseTitle": "Erase {client}?",
  "clientData.eraseIntro": "This deletes the client's people, requests, tasks, messages, time not yet invoiced, surveys and onboarding, and cannot be undone. Export the data first if you need a copy.",
  "clientData.eraseKept": "Kept, because the law requires it: invoices already sent (with their payments and the time billed on them) and the client's name and currency they are issued to.",
  "clientData.eraseConfirm": "Type the client's code, {code}, to confirm",
  "clientData.eraseButton": "Erase for good",
  "clientData.erased": "{client} has been erased. Issued invoices were kept.",
  "clientData.erasedNote": "This client was erased on {date}. Only what the law requires is kept: issued invoices and the name they are issued to.",
} as const;
