import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DecisionDocumentCommands, DecisionDocumentTables } from '@asw/subgraph';
import { ServiceDecisionAppealEntity, ServiceDecisionDeliveryEntity } from './decision-documents.entity';
import { ServiceDecisionEntity } from './service-decision.entity';

/** A service decision's delivery and appeals are in its case. */
export const SERVICE_DECISION_DOCUMENTS: DecisionDocumentTables<ServiceDecisionEntity, ServiceDecisionDeliveryEntity, ServiceDecisionAppealEntity> = {
  decision: ServiceDecisionEntity,
  delivery: ServiceDecisionDeliveryEntity,
  appeal: ServiceDecisionAppealEntity,
  matterField: 'caseId',
  matter: 'case',
  decisionName: 'service decision',
};

/** Tiedoksianto and oikaisuvaatimus on a signed service decision (libs/subgraph letters). */
@Injectable()
export class DecisionDeliveryCommands extends DecisionDocumentCommands<ServiceDecisionEntity, ServiceDecisionDeliveryEntity, ServiceDecisionAppealEntity> {
  constructor(@Inject(DataSource) dataSource: DataSource) {
    super(dataSource, SERVICE_DECISION_DOCUMENTS);
  }
}
