import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { notFound } from '@asw/platform';
import { groupByKey } from '@asw/subgraph';
import { PaymentIntermediaryAccountEntity, SubleaseEntity } from './housing-arrangement.entity';

@Injectable()
export class HousingArrangementQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Välitystilit of many clients in one query, newest first. */
  async accountsOf(clientIds: readonly string[]): Promise<PaymentIntermediaryAccountEntity[][]> {
    const rows = await this.dataSource
      .getRepository(PaymentIntermediaryAccountEntity)
      .find({ where: { clientId: In([...clientIds]) }, order: { openedOn: 'DESC' } });
    return groupByKey(clientIds, rows, (row) => row.clientId);
  }

  /** Subleases of many clients in one query, newest first. */
  async subleasesOf(clientIds: readonly string[]): Promise<SubleaseEntity[][]> {
    const rows = await this.dataSource.getRepository(SubleaseEntity).find({ where: { clientId: In([...clientIds]) }, order: { startsOn: 'DESC' } });
    return groupByKey(clientIds, rows, (row) => row.clientId);
  }
}
