import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, GraphContext, parseId } from '@asw/subgraph';
import { attendanceSummary } from '../domain';
import { authorizeAttendanceWork, authorizeGroupWork, visibleInGroup } from '../authorization';
import { GroupEnrollmentEntity } from '../enrollments/enrollment.entity';
import { GroupEnrollment } from '../enrollments/enrollment.model';
import { GroupSessionEntity, RehabilitationGroupEntity } from '../groups/group.entity';
import { GroupSession, RehabilitationGroup } from '../groups/group.model';
import { GroupQueries } from '../groups/group.queries';
import { RecordAttendanceCommand } from './attendance.command';
import { AttendanceEntity } from './attendance.entity';
import { AttendanceSummary, GroupAttendance, RecordGroupAttendanceInput } from './attendance.model';
import { AttendanceQueries } from './attendance.queries';

const summaryOf = (records: readonly AttendanceEntity[]): AttendanceSummary =>
  attendanceSummary(records.map((r) => ({ sessionId: r.sessionId, clientId: r.clientId, status: r.status }))).group;

@Resolver(() => GroupAttendance)
export class AttendanceResolver {
  constructor(
    private readonly recordAttendance: RecordAttendanceCommand,
    private readonly queries: AttendanceQueries,
  ) {}

  @Mutation(() => GroupAttendance, { name: 'recordGroupAttendance', description: 'Records a client’s attendance at a held session (present, absent, excused).' })
  async record(@Args('input') input: RecordGroupAttendanceInput, @Ctx() ctx: GraphContext): Promise<AttendanceEntity> {
    const [sessionId, clientId] = [parseId(input.sessionId, 'sessionId'), parseId(input.clientId, 'clientId')];
    const worker = await authorizeAttendanceWork(ctx, await this.queries.rosterOf(sessionId, clientId), clientId);
    const attendance = await this.recordAttendance.execute(sessionId, clientId, input.attendance, worker, ctx.correlationId);
    ctx.access.changed(attendance.clientId, 'groupAttendance');
    return attendance;
  }
}

@Resolver(() => GroupSession)
export class SessionAttendanceResolver {
  constructor(
    private readonly queries: AttendanceQueries,
    private readonly groups: GroupQueries,
  ) {}

  @ResolveField(() => [GroupAttendance], { description: 'Attendance recorded for this session' })
  async attendance(@Parent() session: GroupSessionEntity, @Ctx() ctx: GraphContext): Promise<AttendanceEntity[]> {
    authorizeGroupWork(ctx);
    const [group, records] = await Promise.all([
      ctx.loaders.get('groupById', (ids) => this.groups.byIds(ids)).load(session.groupId),
      ctx.loaders.get('attendanceBySession', (ids) => this.queries.ofSessions(ids)).load(session.id),
    ]);
    const visible = await visibleInGroup(ctx, group!, records);
    for (const record of visible) ctx.access.read(record.clientId, 'groupAttendance');
    return visible;
  }
}

@Resolver(() => RehabilitationGroup)
export class GroupAttendanceRateResolver {
  constructor(private readonly queries: AttendanceQueries) {}

  /** Counted over the attendance the caller may see: a facilitator's the whole group's, anyone else's their clients'. */
  @ResolveField(() => AttendanceSummary, { description: 'Läsnäoloaste of the whole group over the sessions recorded' })
  async attendance(@Parent() group: RehabilitationGroupEntity, @Ctx() ctx: GraphContext): Promise<AttendanceSummary> {
    authorizeGroupWork(ctx);
    const records = await ctx.loaders.get('attendanceByGroup', (ids) => this.queries.ofGroups(ids)).load(group.id);
    const visible = await visibleInGroup(ctx, group, records);
    for (const record of visible) ctx.access.read(record.clientId, 'groupAttendance');
    return summaryOf(visible);
  }
}

@Resolver(() => GroupEnrollment)
export class EnrollmentAttendanceRateResolver {
  constructor(private readonly queries: AttendanceQueries) {}

  /** The enrollment itself was admitted (a relationship, or a facilitator's own roster) where it was loaded. */
  @ResolveField(() => AttendanceSummary, { description: 'Läsnäoloaste of this client in this group' })
  async attendance(@Parent() enrollment: GroupEnrollmentEntity, @Ctx() ctx: GraphContext): Promise<AttendanceSummary> {
    authorizeGroupWork(ctx);
    const records = await ctx.loaders.get('attendanceByGroup', (ids) => this.queries.ofGroups(ids)).load(enrollment.groupId);
    ctx.access.read(enrollment.clientId, 'groupAttendance');
    return summaryOf(records.filter((r) => r.clientId === enrollment.clientId));
  }
}
