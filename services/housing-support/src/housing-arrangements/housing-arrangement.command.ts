import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { EventPublisher, PaymentIntermediaryAccountClosed, PaymentIntermediaryAccountOpened, SubleaseEnded, SubleaseStarted } from '@asw/events';
import { conflict, notFound } from '@asw/platform';
import type { HousingActor } from '../access-policy';
import { assertCanCloseAccount, assertCanOpenAccount, assertCanStartSublease, IntermediaryAccountStatus, SubleaseStatus } from '../domain';
import { assertEndsAfterStart, SubleaseTerms, validateSubleaseTerms } from './housing-arrangement.rules';
import { PaymentIntermediaryAccountEntity, SubleaseEntity } from './housing-arrangement.entity';

/**
 * Välitystili and välivuokraus. The invariants span rows (no sublease without an active account, no
 * closing the account under a running sublease), so each use case first takes the client's
 * transaction-scoped advisory lock: two workers' changes for one client run one after the other. Each
 * change is announced in the same transaction.
 */
@Injectable()
export class HousingArrangementCommands {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
  ) {}

  openAccount(clientId: string, openedOn: string, actor: HousingActor): Promise<PaymentIntermediaryAccountEntity> {
    return this.dataSource.transaction(async (manager) => {
      await lockClient(manager, clientId);
      const accounts = await manager.findBy(PaymentIntermediaryAccountEntity, { clientId, status: IntermediaryAccountStatus.ACTIVE });
      assertCanOpenAccount({ clientId, accounts });
      const account = await manager.save(
        manager.create(PaymentIntermediaryAccountEntity, {
          id: randomUUID(),
          clientId,
          status: IntermediaryAccountStatus.ACTIVE,
          openedOn,
          closedOn: null,
          openedBy: actor.performedBy.workerId,
        }),
      );
      await this.events.publish(
        manager,
        PaymentIntermediaryAccountOpened,
        { accountId: account.id, clientId, openedOn: account.openedOn, openedBy: actor.performedBy },
        { subject: clientId, correlationId: actor.correlationId },
      );
      return account;
    });
  }

  closeAccount(accountId: string, closedOn: string, actor: HousingActor): Promise<PaymentIntermediaryAccountEntity> {
    return this.dataSource.transaction(async (manager) => {
      const account = await this.accountOf(manager, accountId);
      await lockClient(manager, account.clientId);
      const fresh = await this.accountOf(manager, accountId);
      const activeSublease = await manager.findOneBy(SubleaseEntity, { clientId: fresh.clientId, status: SubleaseStatus.ACTIVE });
      assertCanCloseAccount({ account: fresh, activeSublease });
      assertEndsAfterStart(fresh.openedOn, closedOn, 'closedOn');
      const closed = await manager.save(Object.assign(fresh, { status: IntermediaryAccountStatus.CLOSED, closedOn }));
      await this.events.publish(
        manager,
        PaymentIntermediaryAccountClosed,
        { accountId: closed.id, clientId: closed.clientId, closedOn, closedBy: actor.performedBy },
        { subject: closed.clientId, correlationId: actor.correlationId },
      );
      return closed;
    });
  }

  startSublease(clientId: string, startsOn: string, input: SubleaseTerms, actor: HousingActor): Promise<SubleaseEntity> {
    const terms = validateSubleaseTerms(input);
    return this.dataSource.transaction(async (manager) => {
      await lockClient(manager, clientId);
      const account = await manager.findOneBy(PaymentIntermediaryAccountEntity, { clientId, status: IntermediaryAccountStatus.ACTIVE });
      const activeSublease = await manager.findOneBy(SubleaseEntity, { clientId, status: SubleaseStatus.ACTIVE });
      assertCanStartSublease({ clientId, account, activeSublease });
      const sublease = await manager.save(
        manager.create(SubleaseEntity, { id: randomUUID(), clientId, accountId: account!.id, status: SubleaseStatus.ACTIVE, ...terms, startsOn, endedOn: null }),
      );
      await this.events.publish(
        manager,
        SubleaseStarted,
        { subleaseId: sublease.id, clientId, accountId: sublease.accountId, startsOn, monthlyRentCents: sublease.monthlyRentCents, startedBy: actor.performedBy },
        { subject: clientId, correlationId: actor.correlationId },
      );
      return sublease;
    });
  }

  endSublease(subleaseId: string, endedOn: string, actor: HousingActor): Promise<SubleaseEntity> {
    return this.dataSource.transaction(async (manager) => {
      const sublease = await manager.findOne(SubleaseEntity, { where: { id: subleaseId }, lock: { mode: 'pessimistic_write' } });
      if (!sublease) throw notFound('No sublease with that id', { id: subleaseId });
      if (sublease.status !== SubleaseStatus.ACTIVE) throw conflict('the sublease has already ended', { subleaseId: sublease.id });
      assertEndsAfterStart(sublease.startsOn, endedOn, 'endedOn');
      const ended = await manager.save(Object.assign(sublease, { status: SubleaseStatus.ENDED, endedOn }));
      await this.events.publish(
        manager,
        SubleaseEnded,
        { subleaseId: ended.id, clientId: ended.clientId, accountId: ended.accountId, endedOn, endedBy: actor.performedBy },
        { subject: ended.clientId, correlationId: actor.correlationId },
      );
      return ended;
    });
  }

  private async accountOf(manager: EntityManager, id: string): Promise<PaymentIntermediaryAccountEntity> {
    const account = await manager.findOneBy(PaymentIntermediaryAccountEntity, { id });
    if (!account) throw notFound('No payment-intermediary account with that id', { id });
    return account;
  }
}

async function lockClient(manager: EntityManager, clientId: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [clientId]);
}
