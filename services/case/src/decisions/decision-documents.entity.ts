import { Column, Entity } from 'typeorm';
import { DecisionAppealColumns, DecisionDeliveryColumns, StoredLetterColumns } from '@asw/subgraph';

/** Päätöskirje: the signed decision as a PDF, kept as long as the decision. */
@Entity({ name: 'service_decision_letter' })
export class ServiceDecisionLetterEntity extends StoredLetterColumns {}

/** Tiedoksianto: how and when the decision reached the client; recorded once. */
@Entity({ name: 'service_decision_delivery' })
export class ServiceDecisionDeliveryEntity extends DecisionDeliveryColumns {}

/** Oikaisuvaatimus (HL 49 a–49 g §) of a service decision, on its case. */
@Entity({ name: 'service_decision_appeal' })
export class ServiceDecisionAppealEntity extends DecisionAppealColumns {
  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;
}
