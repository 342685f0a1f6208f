import { Module } from '@nestjs/common';
import { GroupsModule } from '../groups/groups.module';
import { RecordAttendanceCommand } from './attendance.command';
import { AttendanceQueries } from './attendance.queries';
import { AttendanceResolver, EnrollmentAttendanceRateResolver, GroupAttendanceRateResolver, SessionAttendanceResolver } from './attendance.resolver';

@Module({
  imports: [GroupsModule],
  providers: [RecordAttendanceCommand, AttendanceQueries, AttendanceResolver, SessionAttendanceResolver, GroupAttendanceRateResolver, EnrollmentAttendanceRateResolver],
})
export class AttendanceModule {}
