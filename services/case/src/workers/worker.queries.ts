import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { WorkerRole } from '../domain';
import { WorkerEntity } from './worker.entity';

@Injectable()
export class WorkerQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** One query for many ids, in the order asked (null where unknown). */
  async byIds(ids: readonly string[]): Promise<(WorkerEntity | null)[]> {
    const rows = await this.dataSource.getRepository(WorkerEntity).findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  list(team: string | null, role: WorkerRole | null): Promise<WorkerEntity[]> {
    return this.dataSource.getRepository(WorkerEntity).find({
      where: { ...(team ? { team } : {}), ...(role ? { role } : {}) },
      order: { team: 'ASC', name: 'ASC', id: 'ASC' },
    });
  }
}
