import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { admittedUser, Ctx, GraphContext, parseId } from '@asw/subgraph';
import { Access, attendanceSubject, GROUP_ACTIVITY_ROLES, groupRow, groupScope } from '../access-policy';
import { attendanceSummary } from '../domain';
import { GroupEnrollmentEntity } from '../enrollments/enrollment.entity';
import { GroupEnrollment } from '../enrollments/enrollment.model';
import { GroupSessionEntity, RehabilitationGroupEntity } from '../groups/group.entity';
import { GroupSession, RehabilitationGroup } from '../groups/group.model';
import { RecordAttendanceCommand } from './attendance.command';
import { AttendanceEntity } from './attendance.entity';
import { AttendanceSummary, GroupAttendance, RecordGroupAttendanceInput } from './attendance.model';
import { AttendanceQueries } from './attendance.queries';

const summaryOf = (records: readonly AttendanceEntity[]): AttendanceSummary =>
  attendanceSummary(records.map((r) => ({ sessionId: r.sessionId, clientId: r.clientId, status: r.status }))).group;

@Resolver(() => GroupAttendance)
export class AttendanceResolver {
  constructor(private readonly recordAttendance: RecordAttendanceCommand) {}

  /**
   * A facilitator of the session's group records it for the clients on the group's roster (basis
   * `facilitator:<groupId>`), as they keep the group's register; anyone else needs a client relationship.
   */
  @Mutation(() => GroupAttendance, { name: 'recordGroupAttendance', description: 'Records a client’s attendance at a held session (present, absent, excused).' })
  @Access({ roles: GROUP_ACTIVITY_ROLES, action: 'CHANGE', categories: ['groupAttendance'], subject: attendanceSubject, bases: ['facilitator', 'relationship'] })
  record(@Args('input') input: RecordGroupAttendanceInput, @Ctx() ctx: GraphContext): Promise<AttendanceEntity> {
    const [sessionId, clientId] = [parseId(input.sessionId, 'sessionId'), parseId(input.clientId, 'clientId')];
    return this.recordAttendance.execute(sessionId, clientId, input.attendance, admittedUser(ctx), ctx.correlationId);
  }
}

@Resolver(() => GroupSession)
export class SessionAttendanceResolver {
  constructor(private readonly queries: AttendanceQueries) {}

  /** A facilitator of the session's group sees all of it; anyone else only their clients' (the others left out). */
  @ResolveField(() => [GroupAttendance], { description: 'Attendance recorded for this session' })
  @Access({
    roles: GROUP_ACTIVITY_ROLES,
    action: 'READ',
    categories: ['groupAttendance'],
    each: async (record: AttendanceEntity, { parent, ctx }) => groupRow(record, await groupScope(ctx, (parent as GroupSessionEntity).groupId)),
    bases: ['facilitator', 'relationship'],
  })
  attendance(@Parent() session: GroupSessionEntity, @Ctx() ctx: GraphContext): Promise<AttendanceEntity[]> {
    return ctx.loaders.get('attendanceBySession', (ids) => this.queries.ofSessions(ids)).load(session.id);
  }
}

@Resolver(() => RehabilitationGroup)
export class GroupAttendanceRateResolver {
  constructor(private readonly queries: AttendanceQueries) {}

  /**
   * Counted over the attendance the caller may see: a facilitator's the whole group's, anyone else's
   * their clients'. The resolver gives the group's records; the mechanism keeps those the caller
   * reaches, records them, and answers their summary.
   */
  @ResolveField(() => AttendanceSummary, { description: 'Läsnäoloaste of the whole group over the sessions recorded' })
  @Access({
    roles: GROUP_ACTIVITY_ROLES,
    action: 'READ',
    categories: ['groupAttendance'],
    each: (record: AttendanceEntity, { parent }) => groupRow(record, parent as RehabilitationGroupEntity),
    bases: ['facilitator', 'relationship'],
    summary: summaryOf,
  })
  attendance(@Parent() group: RehabilitationGroupEntity, @Ctx() ctx: GraphContext): Promise<AttendanceEntity[]> {
    return ctx.loaders.get('attendanceByGroup', (ids) => this.queries.ofGroups(ids)).load(group.id);
  }
}

@Resolver(() => GroupEnrollment)
export class EnrollmentAttendanceRateResolver {
  constructor(private readonly queries: AttendanceQueries) {}

  /** The enrollment itself was admitted (a relationship, or a facilitator's own roster) where it was loaded: read on that basis. */
  @ResolveField(() => AttendanceSummary, { description: 'Läsnäoloaste of this client in this group' })
  @Access({ roles: GROUP_ACTIVITY_ROLES, action: 'READ', categories: ['groupAttendance'], subject: ({ parent }) => ({ clientId: (parent as GroupEnrollmentEntity).clientId }), bases: ['admitted'] })
  async attendance(@Parent() enrollment: GroupEnrollmentEntity, @Ctx() ctx: GraphContext): Promise<AttendanceSummary> {
    const records = await ctx.loaders.get('attendanceByGroup', (ids) => this.queries.ofGroups(ids)).load(enrollment.groupId);
    return summaryOf(records.filter((r) => r.clientId === enrollment.clientId));
  }
}
