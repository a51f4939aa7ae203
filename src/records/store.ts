import type { ConsentRecord } from '../recorder/record.js'

/** A record as the receiver keeps it: what was sent (without the wording), and when it arrived. */
export interface StoredRecord extends Omit<ConsentRecord, 'texts'> {
  receivedAt: string
  /** The wording shown, as it was sent with the first record of its hash; `null` if it never arrived. */
  texts: unknown
}

export interface Query {
  consentId?: string
  /** ISO 8601 bounds on the decision time: from included, to excluded. */
  from?: string
  to?: string
}

/** Where records live: SQLite (a file, the default) or PostgreSQL. Both behave the same, and the tests say so. */
export interface Store {
  /** Keeps a record (and its wording, once per hash) before it resolves; `false` when it was already there. */
  put(record: ConsentRecord, receivedAt: string): Promise<boolean>
  find(query: Query): Promise<StoredRecord[]>
  /** Deletes records received before `before`, and wording no record names any more; resolves how many records. */
  purge(before: string): Promise<number>
  close(): Promise<void>
}

/** The columns of a record, in the order both stores write them. */
export const row = (record: ConsentRecord, receivedAt: string): unknown[] => [
  record.consentId,
  record.decidedAt,
  record.method,
  record.revision,
  JSON.stringify(record.categories),
  JSON.stringify(record.services),
  record.page,
  record.language,
  record.textsHash,
  receivedAt
]

/** A row back as a record. */
export const fromRow = (found: Record<string, unknown>): StoredRecord => ({
  version: 1,
  consentId: found.consent_id as string,
  decidedAt: found.decided_at as string,
  method: found.method as ConsentRecord['method'],
  revision: Number(found.revision),
  categories: JSON.parse(found.categories as string),
  services: JSON.parse(found.services as string),
  page: found.page as string,
  language: found.language as string,
  textsHash: (found.texts_hash as string | null) ?? null,
  receivedAt: found.received_at as string,
  texts: typeof found.texts === 'string' ? JSON.parse(found.texts) : null
})

export const SCHEMA = [
  `create table if not exists records (
    consent_id text not null, decided_at text not null, method text not null, revision integer not null,
    categories text not null, services text not null, page text not null, language text not null,
    texts_hash text, received_at text not null, primary key (consent_id, decided_at, method))`,
  'create index if not exists records_received on records (received_at)',
  'create index if not exists records_decided on records (decided_at)',
  'create table if not exists texts (hash text primary key, texts text not null, received_at text not null)'
]

/** Opens the store a `--db` names: `postgres://…` (or `postgresql://…`) is PostgreSQL, anything else a SQLite file. */
export async function openStore(db: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(db)) return (await import('./postgres.js')).postgresStore(db)
  return (await import('./sqlite.js')).sqliteStore(db)
}
