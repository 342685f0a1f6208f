import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { ClientEntity } from './client.entity';

@Injectable()
export class ClientQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** One query for many ids, in the order asked (null where unknown): the batch behind the loaders. */
  async byIds(ids: readonly string[]): Promise<(ClientEntity | null)[]> {
    const rows = await this.dataSource.getRepository(ClientEntity).findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  }
}
