import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DecisionDocumentCommands, DecisionDocumentTables } from '@asw/subgraph';
import { IncomeSupportDecisionAppealEntity, IncomeSupportDecisionDeliveryEntity, IncomeSupportDecisionEntity } from './income-support-decision.entity';

/** An income-support decision's delivery and appeals are in its application. */
export const INCOME_SUPPORT_DECISION_DOCUMENTS: DecisionDocumentTables<IncomeSupportDecisionEntity, IncomeSupportDecisionDeliveryEntity, IncomeSupportDecisionAppealEntity> = {
  decision: IncomeSupportDecisionEntity,
  delivery: IncomeSupportDecisionDeliveryEntity,
  appeal: IncomeSupportDecisionAppealEntity,
  matterField: 'applicationId',
  matter: 'application',
  decisionName: 'income support decision',
};

/** Tiedoksianto and oikaisuvaatimus of an income-support decision (libs/subgraph letters). */
@Injectable()
export class IncomeSupportDecisionDeliveryCommands extends DecisionDocumentCommands<IncomeSupportDecisionEntity, IncomeSupportDecisionDeliveryEntity, IncomeSupportDecisionAppealEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, INCOME_SUPPORT_DECISION_DOCUMENTS);
  }
}
