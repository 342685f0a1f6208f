import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ClientRegistered, EventPublisher } from '@asw/events';
import { ClientEntity } from './client.entity';
import { ClientNames, validateClientNames } from './client.rules';

/** Registers a client and announces it, in one transaction: validate first, then write. */
@Injectable()
export class RegisterClientCommand {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
  ) {}

  async execute(input: ClientNames, correlationId: string): Promise<ClientEntity> {
    const names = validateClientNames(input);
    return this.dataSource.transaction(async (manager) => {
      const client = await manager.save(manager.create(ClientEntity, { id: randomUUID(), ...names }));
      await this.events.publish(
        manager,
        ClientRegistered,
        { clientId: client.id, registeredAt: client.registeredAt.toISOString(), personalIdentityCodeHash: null },
        { subject: client.id, correlationId },
      );
      return client;
    });
  }
}
