import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { notFound } from '@asw/platform';
import { clientField, Ctx, GraphContext, requirePartner, requireUser } from '@asw/subgraph';
import { Access } from '../access-policy';
import { READ_ROLES } from '../access';
import { ClientReference } from '../client-reference';
import { parseKelaReference } from '../income-support/application-intake.rules';
import { ApplicationQueries } from '../income-support/application.queries';
import { ApplicationChannel } from '../income-support/income-support-application.entity';
import { KelaIntakeCommands } from './kela-intake.commands';
import { ForwardedApplicationStatus, ForwardIncomeSupportApplicationInput, KelaNotice, KelaNoticeReceipt, SubmitKelaNoticeInput } from './kela-intake.model';
import { KelaNoticeQueries } from './kela-notice.queries';

/**
 * Kela's partner operations. Kela learns only a receipt or a processing status, never client data;
 * each answer is logged as a disclosure (luovutusloki). The gateway admits Kela only to its
 * allow-listed documents (gateway/partner-operations/KELA).
 */
@Resolver()
export class KelaIntakeResolver {
  constructor(
    private readonly commands: KelaIntakeCommands,
    private readonly applications: ApplicationQueries,
  ) {}

  @Mutation(() => KelaNoticeReceipt, { description: 'Kela (partner): an eTotu notice about a person. Idempotent on Kela’s reference.' })
  async submitKelaNotice(@Args('input') input: SubmitKelaNoticeInput, @Ctx() ctx: GraphContext): Promise<KelaNoticeReceipt> {
    const notice = await this.commands.submitNotice(input, requirePartner(ctx.identity, 'KELA'), ctx.correlationId);
    ctx.access.changed(notice.clientId, 'kelaNotices');
    return { reference: notice.kelaReference, noticeType: notice.noticeType, receivedAt: notice.receivedAt };
  }

  @Mutation(() => ForwardedApplicationStatus, {
    description: 'Kela (partner): forwards an application for supplementary or preventive support. Idempotent on Kela’s reference.',
  })
  async forwardIncomeSupportApplication(@Args('input') input: ForwardIncomeSupportApplicationInput, @Ctx() ctx: GraphContext): Promise<ForwardedApplicationStatus> {
    const application = await this.commands.forwardApplication(input, requirePartner(ctx.identity, 'KELA'), ctx.correlationId);
    ctx.access.changed(application.clientId, 'incomeSupportApplications');
    return { reference: application.kelaReference!, status: application.status };
  }

  @Query(() => ForwardedApplicationStatus, { description: 'Kela (partner): the processing status of an application Kela forwarded, and nothing else.' })
  async forwardedApplicationStatus(@Args('reference', { type: () => String }) referenceInput: string, @Ctx() ctx: GraphContext): Promise<ForwardedApplicationStatus> {
    const partner = requirePartner(ctx.identity, 'KELA');
    const reference = parseKelaReference(referenceInput);
    const application = await this.applications.forwardedByKela(reference);
    if (!application || application.channel !== ApplicationChannel.KELA || application.submittedBy !== partner.clientId) {
      // Kela reads only what it forwarded itself: another's, or one registered by the county, is
      // answered exactly as one that does not exist, and the refusal goes to the disclosure log.
      ctx.access.refused(application?.clientId ?? null, 'READ', 'not forwarded by this partner', 'incomeSupportApplications');
      throw notFound('No forwarded application with that reference', { field: 'reference' });
    }
    // A partner's read is a disclosure (luovutusloki): the processing status, and nothing else.
    ctx.access.read(application.clientId, 'incomeSupportApplications');
    return { reference, status: application.status };
  }
}

@Resolver(() => ClientReference)
export class ClientKelaNoticesResolver {
  constructor(private readonly queries: KelaNoticeQueries) {}

  @ResolveField(() => [KelaNotice], { nullable: true, description: 'Kelan ilmoitukset: eTotu notices about the client, newest first.' })
  @Access({ roles: READ_ROLES, action: 'READ', categories: ['kelaNotices'], subject: clientField })
  kelaNotices(@Parent() client: { id: string }, @Ctx() ctx: GraphContext): Promise<KelaNotice[]> {
    return ctx.loaders.get('kelaNoticesByClient', (ids) => this.queries.noticesOf(ids)).load(client.id);
  }
}
