import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { todayInFinland } from '@asw/calendar';
import { CaseClosed, PayloadOf, ServiceDecisionMade } from '@asw/events';
import { Eligibility, eligibilityOn, EligibilityFacts, SOCIAL_REHABILITATION } from '../domain';
import { KnownClientEntity } from './known-client.entity';
import { ServiceDecisionEntity } from './service-decision.entity';

export interface ClientEligibility extends Eligibility {
  clientId: string;
  clientKnownSince: Date | null;
  /** Last day of the decision that makes the client eligible (null: until further notice, or not eligible). */
  validUntil: string | null;
}

/**
 * What group-activity knows of clients' social rehabilitation decisions and cases, learned only from
 * case's events, and the eligibility it implies on a day (rehabilitation-eligibility rules).
 */
@Injectable()
export class EligibilityReadModel {
  constructor(private readonly dataSource: DataSource) {}

  async recordClient(manager: EntityManager, clientId: string, knownSince: Date): Promise<void> {
    await manager.createQueryBuilder().insert().into(KnownClientEntity).values({ clientId, registeredAt: knownSince, allCasesClosedAt: null }).orIgnore().execute();
  }

  /** A SOCIAL_REHABILITATION decision: kept (granted or not; the rules decide), and the client has an open case again. */
  async recordDecision(manager: EntityManager, decision: PayloadOf<typeof ServiceDecisionMade>): Promise<void> {
    if (decision.serviceType !== SOCIAL_REHABILITATION) return;
    await this.recordClient(manager, decision.clientId, new Date(decision.decidedAt));
    await manager.update(KnownClientEntity, { clientId: decision.clientId }, { allCasesClosedAt: null });
    await manager
      .createQueryBuilder()
      .insert()
      .into(ServiceDecisionEntity)
      .values({
        decisionId: decision.decisionId,
        clientId: decision.clientId,
        caseId: decision.caseId,
        serviceType: decision.serviceType,
        outcome: decision.outcome,
        validFrom: decision.validFrom,
        validUntil: decision.validUntil,
        caseClosedOn: null,
      })
      .orIgnore()
      .execute();
  }

  /** The closed case's decisions stop counting from the day it closed; with no other open case the client's case is closed. */
  async recordCaseClosed(manager: EntityManager, closed: PayloadOf<typeof CaseClosed>): Promise<void> {
    const closedOn = todayInFinland(new Date(closed.closedAt));
    await manager
      .createQueryBuilder()
      .update(ServiceDecisionEntity)
      .set({ caseClosedOn: closedOn })
      .where('case_id = :caseId AND case_closed_on IS NULL', { caseId: closed.caseId })
      .execute();
    if (!closed.clientHasOtherOpenCases) {
      await this.recordClient(manager, closed.clientId, new Date(closed.closedAt));
      await manager.update(KnownClientEntity, { clientId: closed.clientId }, { allCasesClosedAt: new Date(closed.closedAt) });
    }
  }

  /** What is known of many clients, in the order asked: two queries whatever their number. */
  async factsOf(clientIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<Array<EligibilityFacts & { knownSince: Date | null; decisionRows: ServiceDecisionEntity[] }>> {
    const ids = [...clientIds];
    const [known, decisions] = await Promise.all([
      manager.findBy(KnownClientEntity, { clientId: In(ids) }),
      manager.findBy(ServiceDecisionEntity, { clientId: In(ids) }),
    ]);
    const knownById = new Map(known.map((row) => [row.clientId, row]));
    return ids.map((clientId) => {
      const client = knownById.get(clientId);
      const decisionRows = decisions.filter((d) => d.clientId === clientId);
      return {
        client: client ? { caseOpen: client.allCasesClosedAt === null } : null,
        decisions: decisionRows.map((d) => ({
          id: d.decisionId,
          service: d.serviceType,
          outcome: d.outcome,
          validFrom: d.validFrom,
          validUntil: d.validUntil,
          revokedOn: d.caseClosedOn,
        })),
        knownSince: client?.registeredAt ?? null,
        decisionRows,
      };
    });
  }

  /** Eligibility of many clients on `date`, in the order asked. */
  async eligibilityOf(clientIds: readonly string[], date: string, manager?: EntityManager): Promise<ClientEligibility[]> {
    const facts = await this.factsOf(clientIds, manager);
    return facts.map((fact, index) => {
      const eligibility = eligibilityOn(fact, date);
      const decision = fact.decisionRows.find((d) => d.decisionId === eligibility.decisionId);
      return {
        clientId: clientIds[index],
        ...eligibility,
        clientKnownSince: fact.knownSince,
        validUntil: eligibility.eligible ? (decision?.validUntil ?? null) : null,
      };
    });
  }
}
