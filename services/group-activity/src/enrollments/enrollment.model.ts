import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { EnrollmentEndReason } from '../domain';
import { GroupEnrollmentStatus } from './enrollment.entity';

registerEnumType(GroupEnrollmentStatus, { name: 'GroupEnrollmentStatus', description: 'Ilmoittautumisen tila' });
registerEnumType(EnrollmentEndReason, { name: 'GroupEnrollmentEndReason', description: 'Why the place or queue entry ended' });

@ObjectType('GroupEnrollment', { description: 'Ilmoittautuminen: a client’s place in a rehabilitation group, or in its waitlist (jono).' })
export class GroupEnrollment {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  clientId: string;

  @Field(() => GroupEnrollmentStatus)
  status: GroupEnrollmentStatus;

  @Field(() => Date, { description: 'When the client asked for a place (the waitlist’s order)' })
  joinedAt: Date;

  @Field(() => Date, { nullable: true })
  enrolledAt: Date | null;

  @Field(() => Date, { nullable: true })
  endedAt: Date | null;

  @Field(() => EnrollmentEndReason, { nullable: true })
  endReason: EnrollmentEndReason | null;
}

@InputType()
export class GroupEnrollmentInput {
  @Field(() => ID)
  groupId: string;

  @Field(() => ID)
  clientId: string;
}

@InputType()
export class ChangeGroupCapacityInput {
  @Field(() => ID)
  groupId: string;

  @Field(() => Int)
  capacity: number;
}
