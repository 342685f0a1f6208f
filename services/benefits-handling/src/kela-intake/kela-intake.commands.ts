import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { LocalDate, todayInFinland } from '@asw/calendar';
import type { PartnerIdentity } from '@asw/auth';
import { EventPublisher, KelaNoticeReceived } from '@asw/events';
import { badInput } from '@asw/platform';
import { handlingTeamFor } from '../access';
import { BENEFITS_SETTINGS, BenefitsSettings } from '../config/benefits.config';
import { KelaNoticeType, kelaNoticeHandling } from '../domain';
import { KnownClients } from '../known-clients/known-clients';
import { parseKelaReference, pastDay, validateApplicationIntake } from '../income-support/application-intake.rules';
import { ApplicationChannel, ClaimedExpenseEntity, IncomeSupportApplicationEntity } from '../income-support/income-support-application.entity';
import { RegisterApplicationCommand } from '../income-support/register-application.command';
import { forwardResend, noticeResend } from './kela-intake.rules';
import { KelaNoticeEntity } from './kela-notice.entity';
import type { ForwardIncomeSupportApplicationInput, SubmitKelaNoticeInput } from './kela-intake.model';

const isUniqueViolation = (error: unknown): boolean => (error as { code?: string })?.code === '23505';

/**
 * Idempotent on Kela's reference: `find` answers a resend; when two sends race past it, the unique
 * index refuses the second insert and the record the first one wrote is returned.
 */
async function once<T>(find: () => Promise<T | null>, create: () => Promise<T>): Promise<T> {
  const existing = await find();
  if (existing) return existing;
  try {
    return await create();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const raced = await find();
    if (!raced) throw error;
    return raced;
  }
}

/** Kela's decision day, when the notice follows one: a day that has come. */
const kelaDecisionDay = (value: string | null | undefined, today: LocalDate): LocalDate | null =>
  value === null || value === undefined ? null : pastDay(value, 'kelaDecisionOn', today);

/** Kela's partner intake (eTotu notices and forwarded applications). Authorization is the resolver's. */
@Injectable()
export class KelaIntakeCommands {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
    private readonly knownClients: KnownClients,
    private readonly registerApplication: RegisterApplicationCommand,
    @Inject(BENEFITS_SETTINGS) private readonly settings: BenefitsSettings,
  ) {}

  async submitNotice(input: SubmitKelaNoticeInput, partner: PartnerIdentity, correlationId: string): Promise<KelaNoticeEntity> {
    const reference = parseKelaReference(input.reference);
    if (!Object.values(KelaNoticeType).includes(input.noticeType)) throw badInput('unknown Kela notice type', { field: 'noticeType' });
    if (kelaNoticeHandling(input.noticeType).createsApplication) {
      throw badInput('a transferred application carries its kind and expenses: send it with forwardIncomeSupportApplication', { field: 'noticeType' });
    }
    const hash = this.knownClients.hashOf(input.personalIdentityCode);
    const kelaDecisionOn = kelaDecisionDay(input.kelaDecisionOn, todayInFinland());
    const urgent = input.urgent === true;

    const find = async () => {
      const existing = await this.dataSource.manager.findOneBy(KelaNoticeEntity, { kelaReference: reference });
      return noticeResend(existing, { personalIdentityCodeHash: hash, noticeType: input.noticeType, urgent, kelaDecisionOn, submittedBy: partner.clientId }) === 'RESEND' ? existing : null;
    };
    return once(find, () =>
      this.dataSource.transaction((manager) =>
        this.recordNotice(manager, { reference, noticeType: input.noticeType, urgent, kelaDecisionOn, personalIdentityCode: input.personalIdentityCode }, partner, correlationId),
      ),
    );
  }

  async forwardApplication(input: ForwardIncomeSupportApplicationInput, partner: PartnerIdentity, correlationId: string): Promise<IncomeSupportApplicationEntity> {
    const reference = parseKelaReference(input.reference);
    const hash = this.knownClients.hashOf(input.personalIdentityCode);
    const today = todayInFinland();
    const valid = validateApplicationIntake(input, today);
    const kelaDecisionOn = kelaDecisionDay(input.kelaDecisionOn, today);

    // One snapshot for the reads: a concurrent first send commits its notice and application together,
    // so a resend racing it sees both or neither, never the notice alone.
    const find = () =>
      this.dataSource.transaction('REPEATABLE READ', async (manager) => {
        const application = await manager.findOneBy(IncomeSupportApplicationEntity, { kelaReference: reference });
        const notice = await manager.findOneBy(KelaNoticeEntity, { kelaReference: reference });
        const stored = application && {
          ...application,
          kelaDecisionOn: notice?.kelaDecisionOn ?? null,
          expenses: await manager.find(ClaimedExpenseEntity, { where: { applicationId: application.id }, order: { position: 'ASC' } }),
        };
        const resend = forwardResend(
          { application: stored, noticeWithReference: application === null && notice !== null },
          { ...valid, kelaDecisionOn, clientId: application && ((await this.knownClients.findByHash(manager, hash))?.clientId ?? null), submittedBy: partner.clientId },
        );
        return resend === 'RESEND' ? application : null;
      });
    return once(find, () =>
      this.dataSource.transaction(async (manager) => {
        // The transfer is itself an eTotu notice (need for supplementary or preventive support): it
        // introduces the person to case when the county does not know them yet.
        const notice = await this.recordNotice(
          manager,
          { reference, noticeType: KelaNoticeType.NEED_FOR_SUPPLEMENTARY_OR_PREVENTIVE_SUPPORT, urgent: valid.urgent, kelaDecisionOn, personalIdentityCode: input.personalIdentityCode },
          partner,
          correlationId,
        );
        return this.registerApplication.register(
          manager,
          valid,
          {
            clientId: notice.clientId,
            channel: ApplicationChannel.KELA,
            handlingTeam: handlingTeamFor(partner, this.settings.handlingTeam),
            kelaReference: reference,
            submittedBy: partner.clientId,
            preferredLanguage: input.language ?? null,
          },
          correlationId,
        );
      }),
    );
  }

  private async recordNotice(
    manager: EntityManager,
    notice: { reference: string; noticeType: KelaNoticeType; urgent: boolean; kelaDecisionOn: LocalDate | null; personalIdentityCode: string },
    partner: PartnerIdentity,
    correlationId: string,
  ): Promise<KelaNoticeEntity> {
    const person = await this.knownClients.matchOrAssign(manager, notice.personalIdentityCode);
    const saved = await manager.save(
      manager.create(KelaNoticeEntity, {
        id: randomUUID(),
        kelaReference: notice.reference,
        clientId: person.clientId,
        noticeType: notice.noticeType,
        urgent: notice.urgent,
        kelaDecisionOn: notice.kelaDecisionOn,
        personalIdentityCodeEncrypted: this.knownClients.encrypt(notice.personalIdentityCode),
        personalIdentityCodeHash: person.personalIdentityCodeHash,
        submittedBy: partner.clientId,
      }),
    );
    await this.events.publish(
      manager,
      KelaNoticeReceived,
      {
        noticeId: saved.id,
        noticeType: saved.noticeType,
        urgent: saved.urgent,
        receivedAt: saved.receivedAt.toISOString(),
        clientId: saved.clientId,
        person: person.encryptedIdentityCode,
      },
      { subject: saved.clientId, correlationId },
    );
    return saved;
  }
}
