import { randomInt, randomUUID } from 'node:crypto';
import type { Identity } from '@asw/auth';
import { personalIdentityCodeCheckCharacter } from '@asw/personal-identity-code';
import type { RunningSubgraph } from '@asw/testing';

export const KELA: Identity = { kind: 'partner', partner: 'KELA', clientId: 'kela-etotu-test', organisation: 'Kela' };
export const EMPLOYMENT_SERVICES: Identity = { kind: 'partner', partner: 'EMPLOYMENT_SERVICES', clientId: 'te-test', organisation: 'TE' };
export const HANDLER: Identity = { kind: 'user', userId: 'handler-1', roles: ['BENEFITS_HANDLER'], team: 'etuuskasittely', organisation: 'test-county' };
export const OTHER_HANDLER: Identity = { kind: 'user', userId: 'handler-2', roles: ['BENEFITS_HANDLER'], team: 'etuuskasittely', organisation: 'test-county' };
export const SUPERVISOR: Identity = { kind: 'user', userId: 'supervisor-1', roles: ['SUPERVISOR'], team: 'etuuskasittely', organisation: 'test-county' };
/** A benefits handler of another team: the county's applications are not in their queue. */
export const HANDLER_OF_ANOTHER_TEAM: Identity = { kind: 'user', userId: 'handler-9', roles: ['BENEFITS_HANDLER'], team: 'etuuskasittely-pohjoinen', organisation: 'test-county' };
export const SUPERVISOR_OF_ANOTHER_TEAM: Identity = { kind: 'user', userId: 'supervisor-9', roles: ['SUPERVISOR'], team: 'aikuissosiaalityo', organisation: 'test-county' };
/** A social worker: reaches a client's applications only as a worker on the client's case (`caseOf`). */
export const SOCIAL_WORKER: Identity = { kind: 'user', userId: 'social-worker-1', roles: ['SOCIAL_WORKER'], team: 'aikuissosiaalityo', organisation: 'test-county' };
export const OTHER_SOCIAL_WORKER: Identity = { kind: 'user', userId: 'social-worker-2', roles: ['SOCIAL_WORKER'], team: 'aikuissosiaalityo', organisation: 'test-county' };
export const NURSE: Identity = { kind: 'user', userId: 'nurse-1', roles: ['PRACTICAL_NURSE'], team: 'kuntoutus', organisation: 'test-county' };

/** A fresh, valid henkilötunnus (born 1990, individual number 002–899). */
export function newPersonalIdentityCode(): string {
  const date = `${String(randomInt(1, 29)).padStart(2, '0')}${String(randomInt(1, 13)).padStart(2, '0')}90`;
  const individual = String(randomInt(2, 900)).padStart(3, '0');
  return `${date}-${individual}${personalIdentityCodeCheckCharacter(date, individual)}`;
}

export function kelaReference(): string {
  return `KELA/${randomUUID().slice(0, 18)}`;
}

/** A client case has announced, as the ClientRegistered handler records it. */
export async function knownClient(service: RunningSubgraph, hash: string | null = null): Promise<string> {
  const clientId = randomUUID();
  await service.dataSource.query(`INSERT INTO known_client (client_id, personal_identity_code_hash, source) VALUES ($1, $2, 'CASE')`, [clientId, hash]);
  return clientId;
}

/**
 * A case of the client as case's `CaseRelationshipsChanged` leaves it in this service's
 * `case_relationships`: by default open, in the social workers' team, with SOCIAL_WORKER named.
 */
export async function caseOf(service: RunningSubgraph, clientId: string, { namedWorker = 'social-worker-1', team = 'aikuissosiaalityo', open = true } = {}): Promise<void> {
  await service.dataSource.query(
    `INSERT INTO case_relationships (case_id, client_id, team, open, named_worker, co_workers, changed_at) VALUES ($1, $2, $3, $4, $5, '{}', now())`,
    [randomUUID(), clientId, team, open, namedWorker],
  );
}

/** The access-log lines one request wrote (found by its correlation id). */
export async function accessLogOf(service: RunningSubgraph, correlationId: string): Promise<Array<{ log: string; actor_id: string; client_id: string | null; action: string; categories: string[]; basis: string; outcome: string }>> {
  return service.dataSource.query(
    `SELECT log, actor_id, client_id, action, categories, basis, outcome FROM access_log WHERE correlation_id = $1 ORDER BY id`,
    [correlationId],
  );
}

/** Row counts of the tables a use case writes, for asserting that a refused request wrote nothing. */
export async function footprint(service: RunningSubgraph): Promise<Record<string, number>> {
  const tables = ['income_support_application', 'claimed_expense', 'completion_request', 'kela_notice', 'known_client', 'income_support_decision', 'income_support_decision_line', 'recovery_claim', 'outbox'];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [{ n }] = await service.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`);
    counts[table] = n;
  }
  return counts;
}

/** The payloads of one event type in the outbox, oldest first. */
export async function outboxPayloads(service: RunningSubgraph, type: string): Promise<any[]> {
  const rows: Array<{ envelope: any }> = await service.dataSource.query(`SELECT envelope FROM outbox WHERE event_type = $1 ORDER BY seq`, [type]);
  return rows.map((row) => (typeof row.envelope === 'string' ? JSON.parse(row.envelope) : row.envelope).payload);
}

export const APPLICATION_FIELDS = `id clientId kind status channel queue handlingTeam urgent student receivedOn decisionDueOn completionRequestDueOn decidedOn
  overdue dueInWorkingDays decidedWithinDeadline assignedHandlerId kelaReference rentArrearsId`;
