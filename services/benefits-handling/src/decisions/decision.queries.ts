import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { groupByKey } from '@asw/subgraph';
import {
  DecisionLineEntity, IncomeSupportDecisionAppealEntity, IncomeSupportDecisionDeliveryEntity, IncomeSupportDecisionEntity, IncomeSupportDecisionLetterEntity,
} from './income-support-decision.entity';

@Injectable()
export class DecisionQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Decisions of many applications in one query, oldest first (the original, then its corrections). */
  async decisionsOf(applicationIds: readonly string[]): Promise<IncomeSupportDecisionEntity[][]> {
    const rows = await this.dataSource
      .getRepository(IncomeSupportDecisionEntity)
      .find({ where: { applicationId: In([...applicationIds]) }, order: { createdAt: 'ASC' } });
    return groupByKey(applicationIds, rows, (row) => row.applicationId);
  }

  async linesOf(decisionIds: readonly string[]): Promise<DecisionLineEntity[][]> {
    const rows = await this.dataSource.getRepository(DecisionLineEntity).find({ where: { decisionId: In([...decisionIds]) }, order: { position: 'ASC' } });
    return groupByKey(decisionIds, rows, (row) => row.decisionId);
  }

  async lettersOf(decisionIds: readonly string[]): Promise<Array<IncomeSupportDecisionLetterEntity | null>> {
    const rows = await this.dataSource.getRepository(IncomeSupportDecisionLetterEntity).findBy({ decisionId: In([...decisionIds]) });
    return groupByKey(decisionIds, rows, (row) => row.decisionId).map((group) => group[0] ?? null);
  }

  async deliveriesOf(decisionIds: readonly string[]): Promise<Array<IncomeSupportDecisionDeliveryEntity | null>> {
    const rows = await this.dataSource.getRepository(IncomeSupportDecisionDeliveryEntity).findBy({ decisionId: In([...decisionIds]) });
    return groupByKey(decisionIds, rows, (row) => row.decisionId).map((group) => group[0] ?? null);
  }

  /** Requests for review of many decisions, in order of arrival. */
  async appealsOf(decisionIds: readonly string[]): Promise<IncomeSupportDecisionAppealEntity[][]> {
    const rows = await this.dataSource
      .getRepository(IncomeSupportDecisionAppealEntity)
      .find({ where: { decisionId: In([...decisionIds]) }, order: { receivedOn: 'ASC', recordedAt: 'ASC' } });
    return groupByKey(decisionIds, rows, (row) => row.decisionId);
  }
}
