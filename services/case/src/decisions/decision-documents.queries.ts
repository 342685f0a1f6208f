import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { groupByKey } from '@asw/subgraph';
import { ServiceDecisionAppealEntity, ServiceDecisionDeliveryEntity, ServiceDecisionLetterEntity } from './decision-documents.entity';
import { ServiceDecisionEntity } from './service-decision.entity';

const first = <T>(groups: T[][]): Array<T | null> => groups.map((group) => group[0] ?? null);

/** Letters, deliveries and appeals of many decisions, one query each. */
@Injectable()
export class DecisionDocumentsQueries {
  constructor(private readonly dataSource: DataSource) {}

  async lettersOf(decisionIds: readonly string[]): Promise<Array<ServiceDecisionLetterEntity | null>> {
    const rows = await this.dataSource.getRepository(ServiceDecisionLetterEntity).findBy({ decisionId: In([...decisionIds]) });
    return first(groupByKey(decisionIds, rows, (row) => row.decisionId));
  }

  async deliveriesOf(decisionIds: readonly string[]): Promise<Array<ServiceDecisionDeliveryEntity | null>> {
    const rows = await this.dataSource.getRepository(ServiceDecisionDeliveryEntity).findBy({ decisionId: In([...decisionIds]) });
    return first(groupByKey(decisionIds, rows, (row) => row.decisionId));
  }

  async appealsOf(decisionIds: readonly string[]): Promise<ServiceDecisionAppealEntity[][]> {
    const rows = await this.dataSource.getRepository(ServiceDecisionAppealEntity).find({ where: { decisionId: In([...decisionIds]) }, order: { receivedOn: 'ASC', recordedAt: 'ASC' } });
    return groupByKey(decisionIds, rows, (row) => row.decisionId);
  }

  /** The client of a decision or an appeal, to admit the caller before anything is written. */
  /** The client and case a decision belongs to (what access to it is decided on); null for an unknown id. */
  async ownerOfDecision(decisionId: string): Promise<{ clientId: string; caseId: string } | null> {
    return this.dataSource.getRepository(ServiceDecisionEntity).findOne({ where: { id: decisionId }, select: { id: true, clientId: true, caseId: true } });
  }

  /** The client and case an appeal's decision belongs to; null for an unknown id. */
  async ownerOfAppeal(appealId: string): Promise<{ clientId: string; caseId: string } | null> {
    return this.dataSource.getRepository(ServiceDecisionAppealEntity).findOne({ where: { id: appealId }, select: { id: true, clientId: true, caseId: true } });
  }
}
