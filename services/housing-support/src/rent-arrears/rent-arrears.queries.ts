import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { notFound } from '@asw/platform';
import { groupByKey } from '@asw/subgraph';
import { RentArrearsEntity, RepaymentInstalmentEntity, RepaymentPaymentEntity } from './rent-arrears.entity';

@Injectable()
export class RentArrearsQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Arrears of many clients in one query, newest first. */
  async arrearsOf(clientIds: readonly string[]): Promise<RentArrearsEntity[][]> {
    const rows = await this.dataSource
      .getRepository(RentArrearsEntity)
      .find({ where: { clientId: In([...clientIds]) }, order: { reportedAt: 'DESC' } });
    return groupByKey(clientIds, rows, (row) => row.clientId);
  }

  /** Instalments of many arrears in one query, by due date. */
  async instalmentsOf(arrearsIds: readonly string[]): Promise<RepaymentInstalmentEntity[][]> {
    const rows = await this.dataSource
      .getRepository(RepaymentInstalmentEntity)
      .find({ where: { arrearsId: In([...arrearsIds]) }, order: { dueOn: 'ASC' } });
    return groupByKey(arrearsIds, rows, (row) => row.arrearsId);
  }

  /** Payments of many arrears in one query, by date paid. */
  async paymentsOf(arrearsIds: readonly string[]): Promise<RepaymentPaymentEntity[][]> {
    const rows = await this.dataSource
      .getRepository(RepaymentPaymentEntity)
      .find({ where: { arrearsId: In([...arrearsIds]) }, order: { paidOn: 'ASC', recordedAt: 'ASC' } });
    return groupByKey(arrearsIds, rows, (row) => row.arrearsId);
  }
}
