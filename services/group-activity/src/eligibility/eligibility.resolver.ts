import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { todayInFinland } from '@asw/calendar';
import { clientField, Ctx, GraphContext } from '@asw/subgraph';
import { Access, GROUP_ACTIVITY_ROLES } from '../access-policy';
import { ClientReference } from '../client-reference';
import { RehabilitationEligibility } from './eligibility.model';
import { EligibilityReadModel } from './eligibility.read-model';

@Resolver(() => ClientReference)
export class ClientEligibilityResolver {
  constructor(private readonly readModel: EligibilityReadModel) {}

  @ResolveField(() => RehabilitationEligibility, { nullable: true, description: 'Sosiaalinen kuntoutus: may the client enroll in rehabilitation groups today, and why.' })
  @Access({ roles: GROUP_ACTIVITY_ROLES, action: 'READ', categories: ['rehabilitationEligibility'], subject: clientField })
  rehabilitationEligibility(@Parent() client: { id: string }, @Ctx() ctx: GraphContext): Promise<RehabilitationEligibility> {
    const today = todayInFinland();
    return ctx.loaders.get('eligibilityByClient', (ids) => this.readModel.eligibilityOf(ids, today)).load(client.id);
  }
}
