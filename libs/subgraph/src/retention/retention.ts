/**
 * How long each kind of record is kept (DOMAIN.md "Records, logs and retention": Kansallisarkisto's
 * retention table for social welfare records, laki asiakastietojen käsittelystä 703/2023), so a purge job can act on data, not on guesses.
 * Every table of every service names its class in the service's definition (`retention`); a test
 * checks that no table is left without one.
 */
export const RETENTION_CLASSES = {
  /** Asiakkaan perustiedot: names, identity code, municipality, language. */
  CLIENT_BASIC_DATA: { years: 2, after: 'CLIENT_DEATH', rule: 'Client basic data: 2 years after the client’s death' },
  /**
   * Asiakkuusasiakirja: only the record that a client relationship exists (the case, who works on it,
   * its opening and closing), not what was done in it.
   */
  CLIENT_RELATIONSHIP_DOCUMENT: { years: 2, after: 'CLIENT_DEATH', rule: 'Client-relationship document (asiakkuusasiakirja): 2 years after the client’s death' },
  /**
   * Service-task records of working-age and substance-abuse services: decisions, contact and visit
   * entries, client plans and reviews, measurements, Kela notices, and the work of housing support,
   * rehabilitation and income support.
   */
  WORKING_AGE_SERVICE_RECORD: { years: 10, after: 'MATTER_CLOSED', rule: 'Working-age and substance-abuse service records: 10 years after the matter closed' },
  /**
   * Asiakasmaksupäätökset and tuloselvitykset. No table holds them yet (client fees are not in the
   * platform); a table that does takes this class. The retention table gives 12 years; counted here
   * from the record's creation, the start the table leaves to the county's records plan to confirm.
   */
  CLIENT_FEE_DECISION_OR_INCOME_STATEMENT: { years: 12, after: 'RECORD_CREATED', rule: 'Client-fee decisions and income statements: 12 years' },
  /** Vouchers (tositteet) of payments. */
  VOUCHER: { years: 3, after: 'RECORD_CREATED', rule: 'Vouchers: 3 years' },
  /**
   * Käyttöloki and luovutusloki: append-only in the database; their retention is the county's records
   * plan (arkistonmuodostussuunnitelma) to set, and no purge job may touch them without it.
   */
  ACCESS_LOG: { years: null, after: 'RECORDS_PLAN', rule: 'Access and disclosure logs: kept per the county’s records plan; never purged by this platform' },
  /** The county's own organisation (workers, groups and their sessions, rates): not client data. */
  ORGANISATION: { years: null, after: 'RECORDS_PLAN', rule: 'Organisation data (workers, groups, rates): per the county’s records plan' },
  /** A copy of another service's records (read models kept from events): goes when the source goes. */
  COPY_OF_SOURCE: { years: null, after: 'SOURCE_PURGED', rule: 'Read model: removed when the owning service purges the source record' },
  /** Outbox, inbox, dead letters, parked events: technical, pruned by the event housekeeping. */
  EVENT_PLUMBING: { years: null, after: 'HOUSEKEEPING', rule: 'Event plumbing: pruned by event housekeeping once safe' },
  /** Idempotency keys and the answers to the mutations that used them: kept for the retry period only. */
  IDEMPOTENCY_RECORD: { years: null, after: 'KEY_EXPIRED', rule: 'Idempotency keys and stored answers: pruned when the key expires (IDEMPOTENCY_KEY_TTL_HOURS, default 24 h)' },
  /** Migration bookkeeping and other technical tables. */
  TECHNICAL: { years: null, after: 'NOT_PERSONAL_DATA', rule: 'Technical: holds no personal data' },
} as const;

export type RetentionClass = keyof typeof RETENTION_CLASSES;

/** The tables every service has from the libraries (events, access log, relationships, migrations). */
export const LIBRARY_TABLE_RETENTION: Readonly<Record<string, RetentionClass>> = {
  outbox: 'EVENT_PLUMBING',
  inbox: 'EVENT_PLUMBING',
  dead_letter: 'EVENT_PLUMBING',
  parked_event: 'EVENT_PLUMBING',
  access_log: 'ACCESS_LOG',
  case_relationships: 'COPY_OF_SOURCE',
  justified_access: 'ACCESS_LOG',
  idempotency_key: 'IDEMPOTENCY_RECORD',
  migrations: 'TECHNICAL',
};
