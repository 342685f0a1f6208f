import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { UserIdentity } from '@asw/auth';
import { accessLogRequestDates, addDays, LocalDate, parseLocalDate, startOfDayInFinland, todayInFinland } from '@asw/calendar';
import { AccessLogLetterEntry, DecisionIssuingSettings, letterLanguageOf, renderAccessLogLetter } from '@asw/documents';
import { badInput, conflict, notFound } from '@asw/platform';
import { AccessLogEntry, clientLogEntries, parseId } from '@asw/subgraph';
import { CASE_RETENTION } from '../retention';
import { actorKey, LoggedActor, namePeople } from './access-log-people';
import { ClientAccessLogPerson, RecordClientAccessLogRequestInput } from './access-log-request.model';

export const ACCESS_LOG_LETTER_ISSUING = Symbol('ACCESS_LOG_LETTER_ISSUING');

/** A request row as stored. */
export interface AccessLogRequestRow {
  id: string;
  client_id: string;
  received_on: LocalDate;
  received_by: string;
  period_from: LocalDate;
  older_entries: boolean;
  special_reason: string | null;
  answer_due_on: LocalDate;
  status: 'OPEN' | 'ANSWERED';
  answered_at: Date | null;
  answered_by: string | null;
  recorded_by: string;
  recorded_at: Date;
}

export interface AccessLogLetterRow {
  request_id: string;
  language: 'FI' | 'SV';
  content_type: string;
  content: Buffer;
  sha256: string;
  retention_class: string;
  entry_count: number;
  people: ClientAccessLogPerson[];
  created_at: Date;
}

/** The period an answer covers: from the first day (Finnish time) to when the request was received (the end of that day, or its recording if earlier). */
export function answerPeriod(row: Pick<AccessLogRequestRow, 'period_from' | 'received_on' | 'recorded_at'>): { from: Date; to: Date } {
  const endOfReceipt = startOfDayInFinland(addDays(row.received_on, 1));
  const recordedAt = new Date(row.recorded_at);
  return { from: startOfDayInFinland(row.period_from), to: recordedAt < endOfReceipt ? recordedAt : endOfReceipt };
}

/** Entries of the other services, as the gateway brought them (@requires): recordedAt arrives as a string. */
export type ServiceEntries = Record<string, ReadonlyArray<AccessLogEntry | (Omit<AccessLogEntry, 'recordedAt'> & { recordedAt: string })>>;

const RECEIVED_BY_MAX_LENGTH = 200;

/** Lokitietopyyntö: recorded, then answered with a letter; each validated, then written in one transaction. */
@Injectable()
export class AccessLogRequestCommands {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ACCESS_LOG_LETTER_ISSUING) private readonly settings: DecisionIssuingSettings,
  ) {}

  async record(input: RecordClientAccessLogRequestInput, user: UserIdentity): Promise<AccessLogRequestRow> {
    const clientId = parseId(input.clientId, 'input.clientId');
    const receivedOn = parseLocalDate(input.receivedOn, 'input.receivedOn');
    if (receivedOn > todayInFinland()) throw badInput('receivedOn must not be in the future', { reason: 'RECEIVED_IN_FUTURE', field: 'input.receivedOn' });
    const dates = accessLogRequestDates({ receivedOn, requestedFrom: input.requestedFrom, specialReason: input.specialReason });
    const receivedBy = input.receivedBy?.trim() || user.userId;
    if (receivedBy.length > RECEIVED_BY_MAX_LENGTH) throw badInput(`receivedBy must be at most ${RECEIVED_BY_MAX_LENGTH} characters`, { field: 'input.receivedBy' });
    return this.dataSource.transaction(async (manager) => {
      const [client] = await manager.query(`SELECT id FROM client WHERE id = $1`, [clientId]);
      if (!client) throw notFound('No client with that id', { reason: 'CLIENT_NOT_FOUND', field: 'input.clientId' });
      const [row] = await manager.query(
        `INSERT INTO client_access_log_request (id, client_id, received_on, received_by, period_from, older_entries, special_reason, answer_due_on, status, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'OPEN', $9) RETURNING *`,
        [randomUUID(), clientId, dates.receivedOn, receivedBy, dates.periodFrom, dates.olderEntries, dates.specialReason, dates.answerDueOn, user.userId],
      );
      return row;
    });
  }

  /**
   * Makes the answer: every service's entries for the request's period (this service's read here, the
   * others' as the gateway brought them), each person named, rendered in the client's language, stored
   * with the request, and the request marked answered. Answered already: the stored letter.
   */
  async answer(requestId: string, period: { from: Date; to: Date }, otherServices: ServiceEntries, user: UserIdentity): Promise<AccessLogLetterRow> {
    const id = parseId(requestId, 'requestId');
    return this.dataSource.transaction(async (manager) => {
      const [request]: AccessLogRequestRow[] = await manager.query(`SELECT * FROM client_access_log_request WHERE id = $1 FOR UPDATE`, [id]);
      if (!request) throw notFound('No access-log request with that id', { reason: 'REQUEST_NOT_FOUND', field: 'requestId' });
      if (request.status === 'ANSWERED') {
        const [stored] = await manager.query(`SELECT * FROM client_access_log_letter WHERE request_id = $1`, [id]);
        if (stored) return stored;
        throw conflict('This request is already answered', { reason: 'ALREADY_ANSWERED' });
      }
      const expected = answerPeriod(request);
      if (expected.from.getTime() !== new Date(period.from).getTime() || expected.to.getTime() !== new Date(period.to).getTime()) {
        throw badInput('The period does not match the request', { reason: 'PERIOD_MISMATCH', field: 'requestId' });
      }
      const own = await clientLogEntries(manager, request.client_id, expected.from, expected.to);
      const logged = [
        ...own.map((entry) => ({ service: 'case', entry })),
        ...Object.entries(otherServices).flatMap(([service, entries]) => entries.map((entry) => ({ service, entry }))),
      ];
      const [client] = await manager.query(`SELECT preferred_language FROM client WHERE id = $1`, [request.client_id]);
      const language = letterLanguageOf(client?.preferred_language);
      const answerer: LoggedActor = { actorKind: 'user', actorId: user.userId, actorRoles: user.roles, organisation: user.organisation };
      const people = await namePeople(manager, [...logged.map(({ entry }) => entry), answerer], language);
      const entries: AccessLogLetterEntry[] = logged.map(({ service, entry }) => ({
        at: new Date(entry.recordedAt),
        who: people.get(actorKey(entry))!,
        service,
        log: entry.log,
        action: entry.action,
        outcome: entry.outcome,
        basis: entry.basis,
      }));
      const answeredOn = todayInFinland();
      const answeredBy = people.get(actorKey(answerer))!;
      const rendered = await renderAccessLogLetter({
        language,
        issuer: this.settings.issuer,
        requestId: id,
        receivedOn: request.received_on,
        answeredOn,
        periodFrom: request.period_from,
        periodTo: request.received_on,
        olderEntries: request.older_entries,
        specialReason: request.special_reason,
        entries,
        answeredBy,
      });
      const named = [...new Map(logged.map(({ entry }) => [actorKey(entry), people.get(actorKey(entry))!])).values()];
      const [letter] = await manager.query(
        `INSERT INTO client_access_log_letter (request_id, language, content_type, content, sha256, retention_class, entry_count, people)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb) RETURNING *`,
        [id, language, rendered.contentType, rendered.content, rendered.sha256, CASE_RETENTION.client_access_log_letter, entries.length, JSON.stringify(named)],
      );
      await manager.query(`UPDATE client_access_log_request SET status = 'ANSWERED', answered_at = now(), answered_by = $2 WHERE id = $1`, [id, user.userId]);
      return letter;
    });
  }
}

export async function requestRow(manager: Pick<EntityManager, 'query'>, id: string): Promise<AccessLogRequestRow> {
  const [row] = await manager.query(`SELECT * FROM client_access_log_request WHERE id = $1`, [parseId(id, 'requestId')]);
  if (!row) throw notFound('No access-log request with that id', { reason: 'REQUEST_NOT_FOUND', field: 'requestId' });
  return row;
}
