import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { UserIdentity } from '@asw/auth';
import { todayInFinland } from '@asw/calendar';
import { ContactRecorded, EventPublisher } from '@asw/events';
import { badInput, isUuid, notFound } from '@asw/platform';
import { actingWorkerRole } from '@asw/subgraph';
import { ClientEntity } from '../clients/client.entity';
import { ContactType, WorkerRole } from '../domain';
import { WorkerEntity } from '../workers/worker.entity';
import { ContactEntity, ContactSource } from './contact.entity';
import { ContactInput, validateContact } from './contact.rules';

export interface Performer {
  workerId: string;
  workerRole: WorkerRole;
  team: string | null;
}

/** Roles whose contacts count in the statistics: everyone who meets clients. */
const MEETS_CLIENTS: readonly WorkerRole[] = [
  WorkerRole.SOCIAL_WORKER,
  WorkerRole.SOCIAL_INSTRUCTOR,
  WorkerRole.PRACTICAL_NURSE,
  WorkerRole.BENEFITS_HANDLER,
  WorkerRole.CLIENT_ADVISOR,
  WorkerRole.SUPERVISOR,
];

/** The registered worker a reported id names (their id or their sign-in user id), if any. */
export async function findWorker(manager: EntityManager, reportedId: string): Promise<WorkerEntity | null> {
  const repository = manager.getRepository(WorkerEntity);
  return isUuid(reportedId) ? repository.findOne({ where: [{ id: reportedId.toLowerCase() }, { userId: reportedId }] }) : repository.findOneBy({ userId: reportedId });
}

@Injectable()
export class ContactCommands {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
  ) {}

  /** Records a contact by the named worker, or by the caller; publishes ContactRecorded. */
  async record(clientId: string, input: ContactInput & { workerId?: string | null }, identity: UserIdentity, correlationId: string): Promise<ContactEntity> {
    const contact = validateContact(input, todayInFinland());
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.getRepository(ClientEntity).existsBy({ id: clientId }))) throw notFound('No client with that id', { clientId });
      const by = await this.performer(manager, input.workerId ?? null, identity);
      const row = manager.create(ContactEntity, {
        id: randomUUID(),
        clientId,
        contactType: contact.type,
        occurredOn: contact.occurredOn,
        durationMinutes: contact.durationMinutes,
        ...by,
        source: ContactSource.CASE,
        sourceId: null,
      });
      await manager.save(row);
      await this.events.publish(
        manager,
        ContactRecorded,
        {
          contactId: row.id,
          clientId,
          contactType: row.contactType,
          occurredOn: row.occurredOn,
          durationMinutes: row.durationMinutes,
          performedBy: { workerId: by.workerId, workerRole: by.workerRole as Exclude<WorkerRole, WorkerRole.AUDITOR> },
        },
        { subject: clientId, correlationId },
      );
      return row;
    });
  }

  /**
   * A contact another service reported (a housing support visit, a group session attended). Applied in
   * the consumer's inbox transaction; the unique (source, source_id) makes a repeat a no-op as well.
   */
  async recordReported(
    manager: EntityManager,
    reported: { source: ContactSource; sourceId: string; clientId: string; type: ContactType; occurredOn: string; durationMinutes: number | null; workerId: string; workerRole: WorkerRole },
  ): Promise<void> {
    const worker = await findWorker(manager, reported.workerId);
    await manager
      .createQueryBuilder()
      .insert()
      .into(ContactEntity)
      .values({
        id: randomUUID(),
        clientId: reported.clientId,
        contactType: reported.type,
        occurredOn: reported.occurredOn as ContactEntity['occurredOn'],
        durationMinutes: reported.durationMinutes,
        workerId: worker?.id ?? reported.workerId,
        workerRole: reported.workerRole,
        team: worker?.team ?? null,
        source: reported.source,
        sourceId: reported.sourceId,
      })
      .orIgnore()
      .execute();
  }

  private async performer(manager: EntityManager, workerId: string | null, identity: UserIdentity): Promise<Performer> {
    const worker = workerId
      ? await manager.getRepository(WorkerEntity).findOneBy({ id: workerId })
      : await manager.getRepository(WorkerEntity).findOneBy({ userId: identity.userId });
    if (workerId && !worker) throw notFound('No worker with that id', { workerId });
    const by: Performer = worker
      ? { workerId: worker.id, workerRole: worker.role, team: worker.team }
      : { workerId: identity.userId, workerRole: actingWorkerRole(identity) as WorkerRole, team: identity.team };
    if (!MEETS_CLIENTS.includes(by.workerRole)) throw badInput(`A ${by.workerRole} does not record client contacts`, { field: 'workerId' });
    return by;
  }
}
