// English, the source catalog. Keys are "area.meaning"; `{name}` is a placeholder; an object
// value is a plural, chosen by `params.count` with Intl.PluralRules (other locales may add
// "zero", "two", "few", "many" as their language needs).

export type Plural = { zero?: string; one?: string; two?: string; few?: string; many?: string; other: string };

import { enBilling } from "./en-billing";
import { enSignup } from "./en-signup";
import { enCalendar } from "./en-calendar";
import { enPortal } from "./en-portal";
import { enPortalBilling } from "./en-portal-billing";
import { enReports } from "./en-reports";
import { enSurveys } from "./en-surveys";
import { enOnboarding } from "./en-onboarding";
import { enZones } from "./en-zones";
import { enOps } from "./en-ops";
import { enFiles } from "./en-files";
import { enHours } from "./en-hours";
import { enCatalog } from "./en-catalog";
import { enQuotes } from "./en-quotes";
import { enVault } from "./en-vault";
import { enTrust } from "./en-trust";
import { enRecurring } from "./en-recurring";
import { enIntegrations } from "./en-integrations";
import { enTime } from "./en-time";
import { enWork } from "./en-work";
import { enNav } from "./en-nav";
import { enBrand } from "./en-brand";
import { enMeetings } from "./en-meetings";
import { enSearch } from "./en-search";
import { enSubHome } from "./en-subhome";
import { enTeamWeek } from "./en-teamweek";
import { enDatePicker } from "./en-datepicker";

export const en = {
  ...enWork,
  ...enNav,
  ...enBrand,
  ...enTime,
  ...enBilling,
  ...enSignup,
  ...enPortal,
  ...enPortalBilling,
  ...enReports,
  ...enCalendar,
  ...enSurveys,
  ...enOnboarding,
  ...enZones,
  ...enOps,
  ...enFiles,
  ...enHours,
  ...enCatalog,
  ...enQuotes,
  ...enVault,
  ...enTrust,
  ...enRecurring,
  ...enMeetings,
  ...enSearch,
  ...enSubHome,
  ...enTeamWeek,
  ...enDatePicker,
  ...enIntegrations,
  "app.portal": "Client portal",

  "common.loading": "Loading…",
  "common.retry": "Try again",
  "common.save": "Save",
  "common.cancel": "Cancel",
  "common.close": "Close",
  "common.dismiss": "Dismiss",
  "common.edit": "Edit",
  "common.editNamed": "Edit {name}",
  "common.remove": "Remove",
  "common.removeItem": "Remove {item}",
  "common.resendInvite": "Resend invitation",
  "common.loadMore": "Load more",
  "common.actions": "Actions",
  "common.goHome": "Go to the home page",
  "common.updatedAt": "Last updated {date}",
  "common.conflict":
    "Someone else changed this while you were editing. We've reloaded the latest version; check it and save again.",

  "field.email": "Email",
  "field.name": "Name",
  "field.role": "Role",
  "field.language": "Language",
  "field.timeZone": "Time zone",
  "field.currency": "Currency",
  "field.skills": "Skills",
  "field.tagsHint": "Press Enter or type a comma after each one.",
  "field.capacity": "Weekly capacity (hours)",
  "field.capacityShort": "Capacity",
  "field.status": "Status",
  "field.clientName": "Company name",
  "field.code": "Code",
  "field.codeHint": "2–10 letters or digits, e.g. ACME.",
  "field.website": "Website",
  "field.notes": "Notes",
  "field.created": "Created",

  "role.owner": "Owner",
  "role.subcontractor": "Subcontractor",
  "role.client": "Client",

  "thread.title": "Messages",
  "thread.introTeam": "Messages with the client about this request.",
  "thread.introClient": "Talk to the team about this request.",
  "thread.refresh": "Check for new messages",
  "thread.newer": "Show newer messages",
  "thread.emptyTitle": "No messages yet",
  "thread.emptyTeam": "Write to the client here: they see it in their portal.",
  "thread.emptyClient": "Ask a question or add details: the team answers here.",
  "thread.you": "You",
  "thread.team": "Team",
  "thread.write": "Write a message",
  "thread.message": "Your message",
  "thread.hintTeam": "The client and the team working on this request see it. Ctrl+Enter sends.",
  "thread.hintClient": "Press Ctrl+Enter to send.",
  "thread.send": "Send",

  "personStatus.invited": "Invited",
  "personStatus.active": "Active",
  "personStatus.removed": "Removed",

  "clientStatus.lead": "Lead",
  "clientStatus.onboarding": "Onboarding",
  "clientStatus.active": "Active",
  "clientStatus.inactive": "Inactive",

  "error.unexpected": "Something went wrong. Please try again.",
  "error.network": "Could not reach the server. Check your connection and try again.",
  "error.server": "The server had a problem. Please try again in a moment.",
  "error.unauthenticated": "Your session has ended. Please sign in again.",
  "error.rate_limited": "Too many attempts. Please wait a few minutes and try again.",
  "error.forbidden": "You don't have access to this.",
  "error.csrf": "The request was blocked for your safety. Reload the page and try again.",
  "error.not_found": "We couldn't find that. It may have been removed.",
  "error.conflict": "Someone else changed this at the same time. Reload and try again.",
  "error.payload_too_large": "That's too much data to send at once.",
  "error.invalid_json": "The request could not be read. Reload the page and try again.",
  "error.validation_failed": "Please check the highlighted fields.",
  "error.auth.link_invalid": "This sign-in link isn't valid. Request a new one.",
  "error.auth.link_expired": "This sign-in link has expired. Request a new one.",
  "error.auth.link_used": "This sign-in link has already been used. Request a new one.",

  "shell.skip": "Skip to content",
  "shell.nav": "Main",
  "shell.profile": "Your profile",
  "shell.signOut": "Sign out",

  "nav.home": "Home",
  "nav.team": "Team",
  "nav.clients": "Clients",
  "nav.settings": "Settings",
  "nav.company": "Company",
  "nav.profile": "Profile",

  "signIn.title": "Sign in",
  "signIn.introWeb": "Enter your work email and we'll send you a link to sign in. No password needed.",
  "signIn.introPortal": "Enter your email and we'll send you a link to sign in to your client portal.",
  "signIn.submit": "Email me a sign-in link",
  "signIn.signedOut": "You've signed out.",
  "signIn.needed": "Please sign in to continue.",
  "signIn.checkTitle": "Check your email",
  "signIn.checkBody": "If {email} has an account, a sign-in link is on its way.",
  "signIn.checkHint": "The link works once and expires soon. You can close this tab.",
  "signIn.differentEmail": "Use a different email",
  "signIn.resend": "Send again",

  "verify.title": "Signing in",
  "verify.pending": "Signing you in…",
  "verify.failedTitle": "We couldn't sign you in",
  "verify.backToSignIn": "Back to sign-in",

  "notFound.title": "Page not found",
  "notFound.body": "The page you're looking for doesn't exist.",
  "notAllowed.title": "Not allowed",
  "notAllowed.body": "Only the agency owner can open this page.",

  "profile.title": "Profile",
  "profile.intro": "How you appear to others, and how times and text are shown to you.",
  "profile.saved": "Profile saved",

  "home.title": "Home",
  "home.greeting": "Welcome, {name}",
  "home.teamTitle": "Team",
  "home.teamCount": { one: "team member", other: "team members" },
  "home.teamLink": "Manage team",
  "home.clientsTitle": "Clients",
  "home.clientsCount": { one: "client", other: "clients" },
  "home.clientsLink": "View clients",
  "home.subTitle": "Welcome, your work will appear here",
  "home.subBody": "When the agency assigns you work, you'll find it on this page.",

  "team.title": "Team",
  "team.intro": "Your agency's people: invite subcontractors and keep their skills and capacity current.",
  "team.invite": "Invite subcontractor",
  "team.inviteTitle": "Invite a subcontractor",
  "team.inviteIntro": "They'll get an email with a link to sign in.",
  "team.sendInvite": "Send invite",
  "team.invited": "Invitation sent to {email}",
  "team.inviteResent": "Invitation sent again to {email}",
  "team.resendNamed": "Resend invitation to {name}",
  "team.editTitle": "Edit member",
  "team.saved": "Saved changes to {name}",
  "team.removeNamed": "Remove {name}",
  "team.removeTitle": "Remove member?",
  "team.removeBody": "{name} will lose access straight away.",
  "team.removed": "{name} was removed",
  "team.emptyTitle": "No team members yet",
  "team.emptyBody": "Invite your first subcontractor to start sharing the work.",
  "team.hoursPerWeek": "{hours} h/week",

  "clients.title": "Clients",
  "clients.intro": "The companies your agency works for.",
  "clients.new": "New client",
  "clients.newTitle": "New client",
  "clients.create": "Create client",
  "clients.created": "Created {name}",
  "clients.saved": "Saved {name}",
  "clients.filterStatus": "Filter by status",
  "clients.allStatuses": "All statuses",
  "clients.clearFilter": "Show all clients",
  "clients.emptyTitle": "No clients yet",
  "clients.emptyBody": "Add the companies you work for to invite their people to the portal.",
  "clients.emptyFiltered": "No clients with this status",
  "clients.back": "All clients",
  "clients.details": "Details",
  "clients.localTime": "Local time {time}",

  "contacts.title": "Contacts",
  "contacts.intro": "People at this client who can sign in to the client portal.",
  "contacts.invite": "Invite contact",
  "contacts.inviteTitle": "Invite a contact",
  "contacts.inviteIntro": "They'll get an email with a link to {client}'s portal.",
  "contacts.sendInvite": "Send invite",
  "contacts.invited": "Invitation sent to {email}",
  "contacts.inviteResent": "Invitation sent again to {email}",
  "contacts.resendNamed": "Resend invitation to {name}",
  "contacts.invitedOn": "added {date}",
  "contacts.emptyTitle": "No contacts yet",
  "contacts.emptyBody": "Invite someone from this client to give them portal access.",

  "settings.title": "Settings",
  "apiKeys.title": "API keys",
  "apiKeys.intro": "Keys let other tools use the API on your agency's behalf. Revoke any you no longer use.",
  "apiKeys.create": "Create API key",
  "apiKeys.createTitle": "Create an API key",
  "apiKeys.createdTitle": "Your new API key",
  "apiKeys.name": "Key name",
  "apiKeys.nameHint": "Where it will be used, e.g. \"Zapier\".",
  "apiKeys.createSubmit": "Create key",
  "apiKeys.secret": "Secret for {name}",
  "apiKeys.secretOnce": "Copy this secret now. For your security it won't be shown again.",
  "apiKeys.copy": "Copy",
  "apiKeys.copied": "Copied",
  "apiKeys.done": "Done",
  "apiKeys.key": "Key",
  "apiKeys.lastUsed": "Last used",
  "apiKeys.never": "Never",
  "apiKeys.revoke": "Revoke",
  "apiKeys.revokeNamed": "Revoke {name}",
  "apiKeys.revokeTitle": "Revoke API key?",
  "apiKeys.revokeBody": "Anything using \"{name}\" will stop working immediately.",
  "apiKeys.revoked": "Revoked {name}",
  "apiKeys.emptyTitle": "No API keys",
  "apiKeys.emptyBody": "Create a key to connect another tool.",

  "company.title": "Company",
  "company.intro": "Your company's profile with {agency}.",
  "company.profile": "Company profile",
  "company.contacts": "People at your company",
  "company.noContacts": "No contacts yet",
  "company.localTime": "now {time}",
  "company.you": "you",
} satisfies Record<string, string | Plural>;

export type MessageKey = keyof typeof en;

/** What a translation must provide: every key, plurals as plurals. */
export type Messages = { [K in MessageKey]: (typeof en)[K] extends string ? string : Plural };
