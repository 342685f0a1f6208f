import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApplicationStatus, IncomeSupportKind } from './income-support-application.entity';

registerEnumType(IncomeSupportKind, { name: 'IncomeSupportKind', description: 'SUPPLEMENTARY = täydentävä, PREVENTIVE = ehkäisevä toimeentulotuki' });
registerEnumType(ApplicationStatus, { name: 'IncomeSupportApplicationStatus' });

@ObjectType('IncomeSupportApplication', { description: 'Toimeentulotukihakemus: an application for supplementary or preventive income support.' })
export class IncomeSupportApplication {
  @Field(() => ID)
  id: string;

  @Field(() => IncomeSupportKind)
  kind: IncomeSupportKind;

  @Field(() => ApplicationStatus)
  status: ApplicationStatus;

  @Field(() => String, { description: 'Day the application arrived (saapumispäivä, ISO date)' })
  receivedOn: string;
}
