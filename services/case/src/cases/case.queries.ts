import { Injectable } from '@nestjs/common';
import { DataSource, In, Not } from 'typeorm';
import { groupByKey } from '@asw/subgraph';
import { CaseStatus } from '../domain';
import { WorkerEntity } from '../workers/worker.entity';
import { CaseCoWorkerEntity, CaseEntity, CaseStatusChangeEntity } from './case.entity';

/** Reads behind the loaders: each one SQL query for all the keys of a request level. */
@Injectable()
export class CaseQueries {
  constructor(private readonly dataSource: DataSource) {}

  async byIds(ids: readonly string[]): Promise<(CaseEntity | null)[]> {
    const rows = await this.dataSource.getRepository(CaseEntity).findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async byClientIds(clientIds: readonly string[]): Promise<CaseEntity[][]> {
    const rows = await this.dataSource.getRepository(CaseEntity).find({ where: { clientId: In([...clientIds]) }, order: { openedAt: 'DESC', id: 'ASC' } });
    return groupByKey(clientIds, rows, (row) => row.clientId);
  }

  async statusHistory(caseIds: readonly string[]): Promise<CaseStatusChangeEntity[][]> {
    const rows = await this.dataSource.getRepository(CaseStatusChangeEntity).find({ where: { caseId: In([...caseIds]) }, order: { changedAt: 'ASC', id: 'ASC' } });
    return groupByKey(caseIds, rows, (row) => row.caseId);
  }

  async coWorkers(caseIds: readonly string[]): Promise<Array<Array<WorkerEntity & { caseId: string }>>> {
    const rows: Array<WorkerEntity & { caseId: string }> = await this.dataSource
      .getRepository(WorkerEntity)
      .createQueryBuilder('worker')
      .innerJoin(CaseCoWorkerEntity, 'cw', 'cw.worker_id = worker.id')
      .where('cw.case_id IN (:...caseIds)', { caseIds })
      .select(['worker.id AS id', 'worker.user_id AS "userId"', 'worker.name AS name', 'worker.role AS role', 'worker.team AS team', 'cw.case_id AS "caseId"'])
      .orderBy('worker.name')
      .getRawMany();
    return groupByKey(caseIds, rows, (row) => row.caseId);
  }

  /** Every open case of a team (one query); the queue orders them by the §36 targets. */
  openForTeam(team: string): Promise<CaseEntity[]> {
    return this.dataSource.getRepository(CaseEntity).find({ where: { team, status: Not(CaseStatus.CLOSED) } });
  }
}
