import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { groupByKey } from '@asw/subgraph';
import { MeasurementEntity } from './measurement.entity';

@Injectable()
export class MeasurementQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Measurements of many clients in one query, oldest first. */
  async byClientIds(clientIds: readonly string[]): Promise<MeasurementEntity[][]> {
    const rows = await this.dataSource.getRepository(MeasurementEntity).find({ where: { clientId: In([...clientIds]) }, order: { measuredOn: 'ASC', recordedAt: 'ASC' } });
    return groupByKey(clientIds, rows, (row) => row.clientId);
  }
}
