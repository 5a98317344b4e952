import { createWriteTransaction, Service } from "electrodb";
import { AgencyEntity } from "../agency/entity.ts";
import { ApiKeyEntity } from "../apikey/entity.ts";
import { AuditEventEntity } from "../audit/entity.ts";
import { MagicLinkEntity, RateLimitEntity } from "../auth/entities.ts";
import { CalendarFeedEntity } from "../calendar/entity.ts";
import { CardChargeEntity, SavedCardEntity } from "../card/entity.ts";
import { ClientEntity } from "../client/entity.ts";
import { ContactEntity } from "../contact/entity.ts";
import { OutboxEmailEntity } from "../email/outbox-entity.ts";
import { OutboxNoticeEntity } from "../notify/notice-entity.ts";
import { UndeliverableEntity } from "../email/undeliverable-entity.ts";
import { MemberEntity } from "../member/entity.ts";
import { MessageEntity } from "../message/entity.ts";
import { FileEntity } from "../file/entity.ts";
import { FirstRunEntity } from "../first-run/entity.ts";
import { SignupLinkEntity } from "../signup/entity.ts";
import { SearchMarkEntity, SearchWordEntity } from "../search/entity.ts";
import { NotifyBatchEntity, UnreadEntity } from "../inbox/entity.ts";
import { ClientOnboardingEntity, OnboardingKitEntity } from "../onboarding/entity.ts";
import { RequestCounterEntity, RequestEntity } from "../request/entity.ts";
import { SopEntity, SopVersionEntity } from "../sop/entity.ts";
import { CreditNoteCounterEntity, CreditNoteEntity, InvoiceEntity, PaymentEntity } from "../invoice/entity.ts";
import { HourBankEntryEntity, HourBankPeriodEntity, HourBankPolicyEntity, HourBankVisibilityEntity } from "../hour-bank/entity.ts";
import { HourBankAlertEntity, HourBankConsentEntity, HourBankOverageEntity } from "../hour-bank/alerts-entity.ts";
import { ExchangeRateEntity } from "../rates/entity.ts";
import { PayoutClaimEntity, PayoutEntity } from "../payout/entity.ts";
import { ServicePackageEntity } from "../service-package/entity.ts";
import { QuoteCounterEntity, QuoteEntity } from "../quote/entity.ts";
import { ScheduleEntity, ScheduleOccurrenceEntity } from "../schedule/entity.ts";
import { SurveyEntity } from "../survey/entity.ts";
import { TaskEntity } from "../task/entity.ts";
import { TimeEntryEntity, TimerEntity } from "../timesheet/entity.ts";
import { UniquenessEntity } from "../uniqueness/entity.ts";
import { WebhookDeliveryEntity, WebhookEndpointEntity, WebhookEventEntity } from "../webhook/entity.ts";
import { VaultAccessEntity, VaultAccessRequestEntity, VaultEntryEntity, VaultKeyEntity, VaultTaskEntryEntity } from "../vault/entity.ts";
import { client, tableName } from "./connection.ts";
import { isConstructed } from "./entity.ts";
import { createBatcher, type BatchClient } from "./batch.ts";
import { requestScope } from "./scope.ts";

export { tableDefinition, TTL_ATTRIBUTE } from "./table.ts";
export { createDynamoClient } from "./client.ts";

export { client } from "./connection.ts";

/** Every entity in the one table, each constructed on first use (db/entity.ts). Access patterns: packages/core/ACCESS_PATTERNS.md. */
const entities = {
  agency: AgencyEntity,
  member: MemberEntity,
  client: ClientEntity,
  contact: ContactEntity,
  auditEvent: AuditEventEntity,
  apiKey: ApiKeyEntity,
  request: RequestEntity,
  requestCounter: RequestCounterEntity,
  task: TaskEntity,
  sop: SopEntity,
  sopVersion: SopVersionEntity,
  message: MessageEntity,
  timeEntry: TimeEntryEntity,
  timer: TimerEntity,
  invoice: InvoiceEntity,
  payment: PaymentEntity,
  creditNote: CreditNoteEntity,
  creditNoteCounter: CreditNoteCounterEntity,
  servicePackage: ServicePackageEntity,
  survey: SurveyEntity,
  uniqueness: UniquenessEntity,
  magicLink: MagicLinkEntity,
  outboxEmail: OutboxEmailEntity,
  undeliverable: UndeliverableEntity,
  rateLimit: RateLimitEntity,
  calendarFeed: CalendarFeedEntity,
  onboardingKit: OnboardingKitEntity,
  clientOnboarding: ClientOnboardingEntity,
  file: FileEntity,
  unread: UnreadEntity,
  notifyBatch: NotifyBatchEntity,
  signupLink: SignupLinkEntity,
  firstRun: FirstRunEntity,
  hourBankEntry: HourBankEntryEntity,
  hourBankPolicy: HourBankPolicyEntity,
  hourBankVisibility: HourBankVisibilityEntity,
  exchangeRate: ExchangeRateEntity,
  hourBankAlert: HourBankAlertEntity,
  hourBankOverage: HourBankOverageEntity,
  hourBankConsent: HourBankConsentEntity,
  hourBankPeriod: HourBankPeriodEntity,
  quote: QuoteEntity,
  quoteCounter: QuoteCounterEntity,
  payout: PayoutEntity,
  payoutClaim: PayoutClaimEntity,
  schedule: ScheduleEntity,
  scheduleOccurrence: ScheduleOccurrenceEntity,
  savedCard: SavedCardEntity,
  cardCharge: CardChargeEntity,
  webhookEndpoint: WebhookEndpointEntity,
  webhookEvent: WebhookEventEntity,
  webhookDelivery: WebhookDeliveryEntity,
  vaultKey: VaultKeyEntity,
  vaultEntry: VaultEntryEntity,
  vaultAccess: VaultAccessEntity,
  vaultTaskEntry: VaultTaskEntryEntity,
  vaultAccessRequest: VaultAccessRequestEntity,
  searchWord: SearchWordEntity,
  searchMark: SearchMarkEntity,
  outboxNotice: OutboxNoticeEntity,
};

type Entities = typeof entities;

/**
 * What a finished transaction reads its items' entities from: those constructed so far (every item
 * it wrote was made by one of them), so that reading a cancelled transaction constructs no other.
 * ElectroDB sends it through the first one listed; the agency's, if none is yet.
 */
const constructedEntities = new Proxy({} as Entities, {
  ownKeys: () => {
    const names = Object.keys(entities).filter((name) => isConstructed(entities[name as keyof Entities]));
    return names.length ? names : ["agency"];
  },
  getOwnPropertyDescriptor: (_, name) => (name in entities ? { value: entities[name as keyof Entities], enumerable: true, configurable: true } : undefined),
  get: (_, name) => entities[name as keyof Entities],
});

// The collections (queries across entities sharing an index) of a service of only their entities, made on first use.
const once = <T>(make: () => T) => {
  let made: T | undefined;
  return () => (made ??= make());
};
const loginsService = once(() => new Service({ member: MemberEntity, contact: ContactEntity }, { client, table: tableName() }));
const clientProfileService = once(() => new Service({ client: ClientEntity, contact: ContactEntity }, { client, table: tableName() }));

export const db = {
  entities,
  transaction: {
    /** ElectroDB's transaction write: the callback gets every entity, as a service's would. */
    write: ((write: (all: Entities) => unknown) => createWriteTransaction(constructedEntities, () => write(entities) as never)) as unknown as Service<Entities>["transaction"]["write"],
  },
  collections: {
    /** A person's memberships and client logins by email (member + contact, gsi2). */
    logins: ((facets: never) => loginsService().collections.logins(facets)) as ReturnType<typeof loginsService>["collections"]["logins"],
    /** A client and its contacts in one query. */
    clientProfile: ((facets: never) => clientProfileService().collections.clientProfile(facets)) as ReturnType<typeof clientProfileService>["collections"]["clientProfile"],
  },
};

export type Db = typeof db;

/** The entities a `db.transaction.write` callback is handed: areas build their own items from it. */
export type TransactionEntities = Parameters<Parameters<typeof db.transaction.write>[0]>[0];

// Single-item reads asked for at the same moment share one BatchGetItem (db/batch.ts).
const readTogether = createBatcher(() => (db.entities.agency as unknown as { client: BatchClient }).client, requestScope);

/**
 * One item, as `get.go()` answers its data, read in one BatchGetItem with the other reads asked
 * for in the same turn of the event loop: independent reads of a request cost one round trip.
 */
export async function getTogether<T>(
  entity: { parse(response: { Item: Record<string, unknown> }): unknown },
  get: { params(): Record<string, unknown> },
  options: { consistent?: boolean } = {},
): Promise<T | null> {
  const item = await readTogether(get.params() as { TableName?: string; Key: Record<string, unknown> }, options);
  return item ? ((entity.parse({ Item: item }) as { data?: T | null } | null)?.data ?? null) : null;
}
