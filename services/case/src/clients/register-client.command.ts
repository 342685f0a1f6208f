import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ClientRegistered, EventPublisher } from '@asw/events';
import { parsePersonalIdentityCode, PersonalIdentityCodeProtector } from '@asw/personal-identity-code';
import { conflict, notFound } from '@asw/platform';
import { ClientEntity } from './client.entity';
import { ClientDetails, ClientRegistrationInput, nameKey, validateClientDetails, validateClientRegistration } from './client.rules';

const detailColumns = (details: ClientDetails) => ({
  ...details,
  firstNameKey: nameKey(details.firstName),
  lastNameKey: nameKey(details.lastName),
});

/**
 * Registers clients and announces them, in one transaction: validate first, then write. One client
 * per person: the identity code's lookup hash is unique.
 */
@Injectable()
export class RegisterClientCommand {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
    private readonly identityCodes: PersonalIdentityCodeProtector,
  ) {}

  async execute(input: ClientRegistrationInput, correlationId: string): Promise<ClientEntity> {
    const { details, personalIdentityCode } = validateClientRegistration(input);
    return this.dataSource.transaction((manager) => this.insert(manager, randomUUID(), personalIdentityCode.code, details, correlationId));
  }

  /**
   * A person first met through a Kela notice, registered under the id benefits-handling assigned, known
   * by identity code only until a worker records the rest (updateClientDetails). Inside the caller's transaction.
   */
  registerFromKelaNotice(manager: EntityManager, clientId: string, personalIdentityCode: string, correlationId: string): Promise<ClientEntity> {
    return this.insert(manager, clientId, parsePersonalIdentityCode(personalIdentityCode).code, null, correlationId);
  }

  /** Records names, home municipality and language (of a client first met through a Kela notice, or corrected). */
  async updateDetails(clientId: string, input: ClientDetails): Promise<ClientEntity> {
    const details = validateClientDetails(input);
    return this.dataSource.transaction(async (manager) => {
      const client = await manager.getRepository(ClientEntity).findOne({ where: { id: clientId }, lock: { mode: 'pessimistic_write' } });
      if (!client) throw notFound('No client with that id', { clientId });
      Object.assign(client, detailColumns(details));
      return manager.save(client);
    });
  }

  private async insert(manager: EntityManager, id: string, code: string, details: ClientDetails | null, correlationId: string): Promise<ClientEntity> {
    const hash = this.identityCodes.lookupHash(code);
    await refuseDuplicate(manager, hash);
    const client = manager.create(ClientEntity, {
      id,
      ...(details ? detailColumns(details) : { firstName: null, lastName: null, firstNameKey: null, lastNameKey: null, municipalityCode: null, preferredLanguage: null }),
      personalIdentityCodeEncrypted: this.identityCodes.encrypt(code),
      personalIdentityCodeHash: hash,
      dateOfBirth: parsePersonalIdentityCode(code).dateOfBirth,
    });
    // ON CONFLICT: a concurrent registration of the same person loses here instead of failing in SQL.
    const inserted = await manager.createQueryBuilder().insert().into(ClientEntity).values(client).orIgnore().returning(['registered_at']).execute();
    if (inserted.raw.length === 0) {
      await refuseDuplicate(manager, hash);
      throw conflict('A client with this id is already registered', { reason: 'CLIENT_ID_TAKEN' });
    }
    client.registeredAt = inserted.raw[0].registered_at;
    await this.events.publish(
      manager,
      ClientRegistered,
      { clientId: client.id, registeredAt: client.registeredAt.toISOString(), personalIdentityCodeHash: hash },
      { subject: client.id, correlationId },
    );
    return client;
  }
}

/**
 * One client per person: the person is already registered. Not a DomainError, so it never reaches a
 * client as it is: the resolver answers CONFLICT naming the client only to a caller with a relationship
 * with them, and an intake reference to anyone else (issue #13 item 1).
 */
export class DuplicateClient extends Error {
  constructor(readonly existingClientId: string) {
    super('A client with this personal identity code is already registered');
    this.name = 'DuplicateClient';
  }
}

async function refuseDuplicate(manager: EntityManager, hash: string): Promise<void> {
  const existing = await manager.getRepository(ClientEntity).findOne({ where: { personalIdentityCodeHash: hash }, select: { id: true } });
  if (existing) throw new DuplicateClient(existing.id);
}
