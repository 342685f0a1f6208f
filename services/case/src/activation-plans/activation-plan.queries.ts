import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, Not } from 'typeorm';
import { ActivationPlanEntity } from './activation-plan.entity';

@Injectable()
export class ActivationPlanQueries {
  constructor(private readonly dataSource: DataSource) {}

  byId(id: string): Promise<ActivationPlanEntity | null> {
    return this.dataSource.getRepository(ActivationPlanEntity).findOneBy({ id });
  }

  /** Plans of many clients in one query, newest first. */
  async byClientIds(clientIds: readonly string[]): Promise<ActivationPlanEntity[][]> {
    const rows = await this.dataSource.getRepository(ActivationPlanEntity).find({ where: { clientId: In([...clientIds]) }, order: { draftedAt: 'DESC', id: 'ASC' } });
    return clientIds.map((id) => rows.filter((row) => row.clientId === id));
  }

  /** Plans shared with this employment-services office or municipality, most recently shared first. */
  sharedWith(organisation: string, first: number): Promise<ActivationPlanEntity[]> {
    return this.dataSource
      .getRepository(ActivationPlanEntity)
      .find({ where: { sharedAt: Not(IsNull()), sharedWith: organisation }, order: { sharedAt: 'DESC', id: 'ASC' }, take: first });
  }
}
