import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { todayInFinland } from '@asw/calendar';
import { notFound } from '@asw/platform';
import { admittedUser, Ctx, GraphContext, parseId } from '@asw/subgraph';
import { RehabilitationGroup as GroupDefinition } from '../domain';
import { Access, GROUP_ACTIVITY_ROLES, groupSubject } from '../access-policy';
import { GroupCommands } from './group.command';
import { RehabilitationGroupEntity } from './group.entity';
import { CreateRehabilitationGroupInput, GroupSession, RehabilitationGroup, SetGroupFacilitatorsInput } from './group.model';
import { GroupQueries } from './group.queries';

@Resolver(() => RehabilitationGroup)
export class GroupResolver {
  constructor(
    private readonly commands: GroupCommands,
    private readonly queries: GroupQueries,
  ) {}

  /** Groups themselves (name, schedule, capacity, facilitators, sessions) are the unit's work, not client data: the role is enough. */
  @Query(() => RehabilitationGroup, { name: 'rehabilitationGroup', description: 'One rehabilitation group by id.' })
  @Access({ roles: GROUP_ACTIVITY_ROLES, action: 'READ', categories: ['groups'] })
  async group(@Args('id', { type: () => ID }) id: string, @Ctx() ctx: GraphContext): Promise<RehabilitationGroupEntity> {
    const group = await ctx.loaders.get('groupById', (ids) => this.queries.byIds(ids)).load(parseId(id, 'id'));
    if (!group) throw notFound('No rehabilitation group with that id', { id });
    return group;
  }

  @Query(() => [RehabilitationGroup], { name: 'rehabilitationGroups', description: 'Groups running today or later, soonest first.' })
  @Access({ roles: GROUP_ACTIVITY_ROLES, action: 'READ', categories: ['groups'] })
  groups(): Promise<RehabilitationGroupEntity[]> {
    return this.queries.running(todayInFinland());
  }

  @Mutation(() => RehabilitationGroup, { name: 'createRehabilitationGroup', description: 'Creates a group and generates its sessions from the schedule.' })
  @Access({ roles: GROUP_ACTIVITY_ROLES, action: 'CHANGE', categories: ['groups'] })
  create(@Args('input') input: CreateRehabilitationGroupInput, @Ctx() ctx: GraphContext): Promise<RehabilitationGroupEntity> {
    const { facilitatorIds, ...definition } = input;
    return this.commands.create(definition as GroupDefinition, facilitatorIds, admittedUser(ctx), ctx.correlationId);
  }

  @Mutation(() => RehabilitationGroup, { name: 'setGroupFacilitators', description: 'Replaces the group’s facilitators (ohjaajat): its facilitators and the supervisor of its team only.' })
  @Access({ roles: GROUP_ACTIVITY_ROLES, action: 'CHANGE', categories: ['groups'], subject: ({ args, ctx }) => groupSubject(ctx, args.input.groupId), bases: ['groupTeam'], refusal: 'Only the group’s own team (its facilitators and that team’s supervisor) may change the group' })
  setFacilitators(@Args('input') input: SetGroupFacilitatorsInput, @Ctx() ctx: GraphContext): Promise<RehabilitationGroupEntity> {
    return this.commands.setFacilitators(parseId(input.groupId, 'groupId'), input.facilitatorIds, admittedUser(ctx), ctx.correlationId);
  }

  @ResolveField(() => [GroupSession], { description: 'Tapaamiskerrat, in order' })
  @Access({ roles: GROUP_ACTIVITY_ROLES, action: 'READ', categories: ['groups'] })
  sessions(@Parent() group: RehabilitationGroupEntity, @Ctx() ctx: GraphContext): Promise<GroupSession[]> {
    return ctx.loaders.get('sessionsByGroup', (ids) => this.queries.sessionsOf(ids)).load(group.id);
  }
}
