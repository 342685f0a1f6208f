import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { todayInFinland } from '@asw/calendar';
import { Ctx, GraphContext } from '@asw/subgraph';
import { authorizeClientWork } from '../authorization';
import { ClientReference } from '../client-reference';
import { RehabilitationEligibility } from './eligibility.model';
import { EligibilityReadModel } from './eligibility.read-model';

@Resolver(() => ClientReference)
export class ClientEligibilityResolver {
  constructor(private readonly readModel: EligibilityReadModel) {}

  @ResolveField(() => RehabilitationEligibility, { description: 'Sosiaalinen kuntoutus: may the client enroll in rehabilitation groups today, and why.' })
  async rehabilitationEligibility(@Parent() client: { id: string }, @Ctx() ctx: GraphContext): Promise<RehabilitationEligibility> {
    await authorizeClientWork(ctx, client.id, 'READ', 'rehabilitationEligibility');
    const today = todayInFinland();
    return ctx.loaders.get('eligibilityByClient', (ids) => this.readModel.eligibilityOf(ids, today)).load(client.id);
  }
}
