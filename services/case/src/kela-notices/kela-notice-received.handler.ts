import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { todayInFinland } from '@asw/calendar';
import { EventEnvelope, EventHandler, KelaNoticeReceived, PayloadOf } from '@asw/events';
import { PersonalIdentityCodeProtector } from '@asw/personal-identity-code';
import { CaseCommands } from '../cases/case.command';
import { CaseEntity } from '../cases/case.entity';
import { ClientEntity } from '../clients/client.entity';
import { RegisterClientCommand } from '../clients/register-client.command';
import { CASE_SETTINGS, CaseSettings } from '../config/case.config';
import { findOpenCase, InitiationChannel, ServiceTask } from '../domain';
import { KelaNoticeEntity } from './kela-notice.entity';
import { kelaNoticeHandling } from './kela-notice.rules';

type Payload = PayloadOf<typeof KelaNoticeReceived>;

/** Who the status history names for changes a Kela notice made. */
const KELA_NOTICE_ACTOR = 'kela-notice';

/**
 * A Kela notice (PRODUCT.md flow 1): a notice that calls for social work opens a pending adult social
 * work case (channel KELA_NOTICE) in the intake team's queue, or joins the client's open one. A person
 * case has not met yet is registered under the id benefits-handling assigned, from the encrypted code.
 * Throws (so the event is retried and then dead-lettered, replayable) for a notice type case does not
 * know, or a client it cannot identify.
 */
@Injectable()
export class KelaNoticeReceivedHandler implements EventHandler<Payload> {
  readonly event = KelaNoticeReceived;

  constructor(
    private readonly cases: CaseCommands,
    private readonly clients: RegisterClientCommand,
    private readonly identityCodes: PersonalIdentityCodeProtector,
    @Inject(CASE_SETTINGS) private readonly settings: CaseSettings,
  ) {}

  async handle(manager: EntityManager, event: EventEnvelope<Payload>): Promise<void> {
    const notice = event.payload;
    const handling = kelaNoticeHandling(notice.noticeType);
    if (!handling) throw new Error(`Kela notice type ${notice.noticeType} is not known to case`);
    const clientId = await this.identify(manager, notice, event.correlationId);
    let caseId: string | null = null;
    let caseOpened = false;
    if (handling.opensOrAttachesCase) {
      // One open case per client and service task: the client's row lock serialises this with openCase.
      await manager.getRepository(ClientEntity).findOne({ where: { id: clientId }, lock: { mode: 'pessimistic_write' } });
      const open = findOpenCase(await manager.getRepository(CaseEntity).find({ where: { clientId } }), ServiceTask.ADULT_SOCIAL_WORK);
      if (open) {
        caseId = open.id;
      } else {
        const receivedAt = new Date(notice.receivedAt);
        const opened = await this.cases.openIn(
          manager,
          clientId,
          {
            serviceTask: ServiceTask.ADULT_SOCIAL_WORK,
            initiationChannel: InitiationChannel.KELA_NOTICE,
            urgent: notice.urgent,
            initiatedOn: todayInFinland(receivedAt),
            team: this.settings.intakeTeam,
          },
          notice.noticeId,
          { id: KELA_NOTICE_ACTOR, byUser: false, correlationId: event.correlationId },
        );
        caseId = opened.id;
        caseOpened = true;
      }
    }
    await manager.insert(KelaNoticeEntity, {
      noticeId: notice.noticeId,
      clientId,
      noticeType: notice.noticeType,
      urgent: notice.urgent,
      receivedAt: new Date(notice.receivedAt),
      caseId,
      caseOpened,
    });
  }

  /** The client the notice is about: known by id, found by identity code, or registered from it. */
  private async identify(manager: EntityManager, notice: Payload, correlationId: string): Promise<string> {
    const clients = manager.getRepository(ClientEntity);
    if (await clients.existsBy({ id: notice.clientId })) return notice.clientId;
    if (!notice.person) throw new Error('KelaNoticeReceived names a client case does not know and carries no person to register');
    const code = this.identityCodes.decrypt(notice.person);
    // Registered here meanwhile under another id (the ClientRegistered had not reached benefits-handling yet).
    const known = await clients.findOne({ where: { personalIdentityCodeHash: this.identityCodes.lookupHash(code) }, select: { id: true } });
    if (known) return known.id;
    return (await this.clients.registerFromKelaNotice(manager, notice.clientId, code, correlationId)).id;
  }
}
