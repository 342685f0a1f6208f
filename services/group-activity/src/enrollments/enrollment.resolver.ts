import { Args, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { admittedUser, clientField, Ctx, GraphContext, parseId } from '@asw/subgraph';
import { Access, enrollmentSubject, GROUP_ACTIVITY_ROLES, groupRow, groupSubject } from '../access-policy';
import { ClientReference } from '../client-reference';
import { RehabilitationGroupEntity } from '../groups/group.entity';
import { RehabilitationGroup } from '../groups/group.model';
import { GroupQueries } from '../groups/group.queries';
import { EnrollmentCommands } from './enrollment.command';
import { GroupEnrollmentEntity, GroupEnrollmentStatus } from './enrollment.entity';
import { ChangeGroupCapacityInput, GroupEnrollment, GroupEnrollmentInput } from './enrollment.model';
import { EnrollmentQueries, positionIn } from './enrollment.queries';

@Resolver(() => GroupEnrollment)
export class EnrollmentResolver {
  constructor(
    private readonly commands: EnrollmentCommands,
    private readonly queries: EnrollmentQueries,
    private readonly groups: GroupQueries,
  ) {}

  @Mutation(() => GroupEnrollment, {
    name: 'enrollInGroup',
    description: 'Enrolls a client with an active SOCIAL_REHABILITATION decision; a full group puts them on its waitlist. Anyone else: CONFLICT with details.reason.',
  })
  @Access({ roles: GROUP_ACTIVITY_ROLES, action: 'CHANGE', categories: ['groupEnrollments'], subject: enrollmentSubject })
  enroll(@Args('input') input: GroupEnrollmentInput, @Ctx() ctx: GraphContext): Promise<GroupEnrollmentEntity> {
    return this.commands.enroll(parseId(input.groupId, 'groupId'), parseId(input.clientId, 'clientId'), ctx.correlationId);
  }

  @Mutation(() => GroupEnrollment, { name: 'leaveGroup', description: 'The client leaves the group or its waitlist; a freed place goes to the first on the waitlist.' })
  @Access({ roles: GROUP_ACTIVITY_ROLES, action: 'CHANGE', categories: ['groupEnrollments'], subject: enrollmentSubject })
  leave(@Args('input') input: GroupEnrollmentInput, @Ctx() ctx: GraphContext): Promise<GroupEnrollmentEntity> {
    return this.commands.leave(parseId(input.groupId, 'groupId'), parseId(input.clientId, 'clientId'), ctx.correlationId);
  }

  @Mutation(() => RehabilitationGroup, { name: 'changeGroupCapacity', description: 'Changes the number of places; new places fill from the waitlist. Its facilitators and the supervisor of its team only.' })
  @Access({ roles: GROUP_ACTIVITY_ROLES, action: 'CHANGE', categories: ['groups'], subject: ({ args, ctx }) => groupSubject(ctx, args.input.groupId), bases: ['groupTeam'], refusal: 'Only the group’s own team (its facilitators and that team’s supervisor) may change the group' })
  changeCapacity(@Args('input') input: ChangeGroupCapacityInput, @Ctx() ctx: GraphContext): Promise<RehabilitationGroupEntity> {
    return this.commands.changeCapacity(parseId(input.groupId, 'groupId'), input.capacity, admittedUser(ctx), ctx.correlationId);
  }

  /** A group is the unit's work: the role is enough. */
  @ResolveField(() => RehabilitationGroup)
  @Access({ roles: GROUP_ACTIVITY_ROLES, action: 'READ', categories: ['groups'] })
  async group(@Parent() enrollment: GroupEnrollmentEntity, @Ctx() ctx: GraphContext): Promise<RehabilitationGroupEntity> {
    return (await ctx.loaders.get('groupById', (ids) => this.groups.byIds(ids)).load(enrollment.groupId))!;
  }

  /**
   * The client as a reference (no query here): the gateway fetches the client's fields from case, where
   * case's own access rules apply; a field the caller may not read fails on its own path.
   */
  @ResolveField(() => ClientReference, { nullable: true, description: 'Asiakas: the enrolled or waitlisted client; its fields come from case under case’s access rules.' })
  client(@Parent() enrollment: GroupEnrollmentEntity): { __typename: 'Client'; id: string } {
    return { __typename: 'Client', id: enrollment.clientId };
  }

  @ResolveField(() => Int, { nullable: true, description: 'Place in the waitlist (1 = next to get a place); null unless waitlisted' })
  @Access({ roles: GROUP_ACTIVITY_ROLES, action: 'READ', categories: ['groupEnrollments'] })
  async waitlistPosition(@Parent() enrollment: GroupEnrollmentEntity, @Ctx() ctx: GraphContext): Promise<number | null> {
    if (enrollment.status !== GroupEnrollmentStatus.WAITLISTED) return null;
    const open = await ctx.loaders.get('openEnrollmentsByGroup', (ids) => this.queries.openOf(ids)).load(enrollment.groupId);
    return positionIn(open, enrollment);
  }
}

@Resolver(() => RehabilitationGroup)
export class GroupRosterResolver {
  constructor(private readonly queries: EnrollmentQueries) {}

  /** A facilitator of the group sees all of its roster; anyone else only their clients (the others left out). */
  @ResolveField(() => [GroupEnrollment], { description: 'Who is in the group, then the waitlist in its order' })
  @Access({
    roles: GROUP_ACTIVITY_ROLES,
    action: 'READ',
    categories: ['groupEnrollments'],
    each: (row: GroupEnrollmentEntity, { parent }) => groupRow(row, parent as RehabilitationGroupEntity),
    bases: ['facilitator', 'relationship'],
  })
  async roster(@Parent() group: RehabilitationGroupEntity, @Ctx() ctx: GraphContext): Promise<GroupEnrollmentEntity[]> {
    const open = await ctx.loaders.get('openEnrollmentsByGroup', (ids) => this.queries.openOf(ids)).load(group.id);
    const enrolled = open.filter((row) => row.status === GroupEnrollmentStatus.ENROLLED);
    const waiting = open.filter((row) => row.status === GroupEnrollmentStatus.WAITLISTED).sort((a, b) => positionIn(open, a)! - positionIn(open, b)!);
    return [...enrolled, ...waiting];
  }
}

@Resolver(() => ClientReference)
export class ClientEnrollmentsResolver {
  constructor(private readonly queries: EnrollmentQueries) {}

  @ResolveField(() => [GroupEnrollment], { nullable: true, description: 'Ryhmätoiminta: the client’s group places and waitlist entries, current and ended, newest first.' })
  @Access({ roles: GROUP_ACTIVITY_ROLES, action: 'READ', categories: ['groupEnrollments'], subject: clientField })
  groupEnrollments(@Parent() client: { id: string }, @Ctx() ctx: GraphContext): Promise<GroupEnrollmentEntity[]> {
    return ctx.loaders.get('enrollmentsByClient', (ids) => this.queries.enrollmentsOf(ids)).load(client.id);
  }
}
