import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AttendanceStatus } from '../domain';

registerEnumType(AttendanceStatus, { name: 'AttendanceStatus', description: 'Läsnäolo' });

@ObjectType('GroupAttendance', { description: 'Läsnäolo: a client’s attendance at a session.' })
export class GroupAttendance {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  sessionId: string;

  @Field(() => ID)
  clientId: string;

  @Field(() => AttendanceStatus)
  status: AttendanceStatus;

  @Field(() => String, { description: 'The worker who recorded it' })
  recordedBy: string;
}

@ObjectType('AttendanceSummary', { description: 'Läsnäoloaste: present / (present + absent); excused absences are left out.' })
export class AttendanceSummary {
  @Field(() => Int)
  present: number;

  @Field(() => Int)
  absent: number;

  @Field(() => Int)
  excused: number;

  @Field(() => Float, { nullable: true, description: '0–1, two decimals; null until something counts' })
  rate: number | null;
}

@InputType()
export class RecordGroupAttendanceInput {
  @Field(() => ID)
  sessionId: string;

  @Field(() => ID)
  clientId: string;

  @Field(() => AttendanceStatus)
  attendance: AttendanceStatus;
}
