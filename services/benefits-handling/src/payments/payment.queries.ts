import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { groupByKey } from '@asw/subgraph';
import { IncomeSupportPaymentEntity } from './payment.entity';

@Injectable()
export class PaymentQueries {
  constructor(private readonly dataSource: DataSource) {}

  async paymentsOf(decisionIds: readonly string[]): Promise<IncomeSupportPaymentEntity[][]> {
    const rows = await this.dataSource.getRepository(IncomeSupportPaymentEntity).find({ where: { decisionId: In([...decisionIds]) }, order: { linePosition: 'ASC' } });
    return groupByKey(decisionIds, rows, (row) => row.decisionId);
  }
}
