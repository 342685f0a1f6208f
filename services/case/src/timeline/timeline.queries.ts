import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { groupByKey } from '@asw/subgraph';
import { IncomeSupportDecisionEntity } from '../activation/activation.entity';
import { CaseStatusChangeEntity } from '../cases/case.entity';
import { ContactEntity } from '../contacts/contact.entity';
import { ServiceDecisionAppealEntity } from '../decisions/decision-documents.entity';
import { ServiceDecisionEntity } from '../decisions/service-decision.entity';
import { CaseStatus, scoreEurohis8, TimelineEntry, TimelineEntryKind } from '../domain';
import { KelaNoticeEntity } from '../kela-notices/kela-notice.entity';
import { MeasurementEntity } from '../measurements/measurement.entity';
import { ClientPlanEntity } from '../plans/client-plan.entity';

export interface ClientTimelineEntry extends TimelineEntry {
  clientId: string;
  caseId: string | null;
  /** What happened, in a line. */
  summary: string;
}

/** Events dated by day (contacts, measurements) sit at the start of that day (UTC) on the timeline. */
const startOfDay = (date: string) => new Date(`${date}T00:00:00.000Z`);

/** Status changes that are the assessment's steps show as ASSESSMENT entries. */
const ASSESSMENT_STEPS: readonly CaseStatus[] = [CaseStatus.ASSESSMENT, CaseStatus.PLANNING];

/** Everything on the timelines of many clients: one query per source, whatever the number of clients. */
@Injectable()
export class TimelineQueries {
  constructor(private readonly dataSource: DataSource) {}

  async byClientIds(clientIds: readonly string[]): Promise<ClientTimelineEntry[][]> {
    const ids = [...clientIds];
    const where = { clientId: In(ids) };
    const [changes, decisions, contacts, plans, measurements, incomeSupport, notices, appeals] = await Promise.all([
      this.dataSource
        .getRepository(CaseStatusChangeEntity)
        .createQueryBuilder('change')
        .innerJoin('client_case', 'c', 'c.id = change.case_id')
        .where('c.client_id IN (:...ids)', { ids })
        .select(['change.id AS id', 'change.case_id AS "caseId"', 'c.client_id AS "clientId"', 'change.from_status AS "fromStatus"', 'change.to_status AS "toStatus"', 'change.changed_at AS "changedAt"'])
        .getRawMany<{ id: string; caseId: string; clientId: string; fromStatus: CaseStatus | null; toStatus: CaseStatus; changedAt: Date }>(),
      this.dataSource.getRepository(ServiceDecisionEntity).findBy(where),
      this.dataSource.getRepository(ContactEntity).findBy(where),
      this.dataSource.getRepository(ClientPlanEntity).findBy(where),
      this.dataSource.getRepository(MeasurementEntity).findBy(where),
      this.dataSource.getRepository(IncomeSupportDecisionEntity).findBy(where),
      this.dataSource.getRepository(KelaNoticeEntity).findBy(where),
      this.dataSource.getRepository(ServiceDecisionAppealEntity).findBy(where),
    ]);
    const entries: ClientTimelineEntry[] = [
      ...changes.map((c) => ({
        id: c.id,
        kind: ASSESSMENT_STEPS.includes(c.toStatus) ? TimelineEntryKind.ASSESSMENT : TimelineEntryKind.STATUS_CHANGE,
        at: new Date(c.changedAt),
        clientId: c.clientId,
        caseId: c.caseId,
        summary: c.fromStatus ? `${c.fromStatus} → ${c.toStatus}` : c.toStatus,
      })),
      ...decisions.map((d) => ({ id: d.id, kind: TimelineEntryKind.SERVICE_DECISION, at: d.decidedAt, clientId: d.clientId, caseId: d.caseId, summary: `${d.serviceType} ${d.outcome}` })),
      ...contacts.map((c) => ({ id: c.id, kind: TimelineEntryKind.CONTACT, at: startOfDay(c.occurredOn), clientId: c.clientId, caseId: null, summary: `${c.contactType} (${c.workerRole})` })),
      ...plans.map((p) => ({ id: p.id, kind: TimelineEntryKind.CLIENT_PLAN, at: p.madeAt, clientId: p.clientId, caseId: p.caseId, summary: `Client plan version ${p.version}, review on ${p.reviewDate}` })),
      ...measurements.map((m) => ({
        id: m.id,
        kind: TimelineEntryKind.MEASUREMENT,
        at: startOfDay(m.measuredOn),
        clientId: m.clientId,
        caseId: m.caseId,
        summary: `EUROHIS-QOL 8 ${m.occasion}: mean ${scoreEurohis8(m.answers).mean}`,
      })),
      ...incomeSupport.map((d) => ({ id: d.decisionId, kind: TimelineEntryKind.INCOME_SUPPORT_DECISION, at: d.decidedAt, clientId: d.clientId, caseId: null, summary: `${d.kind} income support ${d.outcome}` })),
      // One entry per request for review, at its arrival; the summary follows its handling.
      ...appeals.map((a) => ({
        id: a.id,
        kind: TimelineEntryKind.DECISION_APPEAL,
        at: startOfDay(a.receivedOn),
        clientId: a.clientId,
        caseId: a.caseId,
        summary: `Request for review ${a.inTime ? 'in time' : 'late'}, ${a.status === 'RESOLVED' ? `resolved ${a.resolution} on ${a.resolvedOn}` : 'pending'}`,
      })),
      ...notices.map((n) => ({ id: n.noticeId, kind: TimelineEntryKind.KELA_NOTICE, at: n.receivedAt, clientId: n.clientId, caseId: n.caseId, summary: `Kela notice ${n.noticeType}` })),
    ];
    return groupByKey(clientIds, entries, (entry) => entry.clientId);
  }
}
