import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { KelaNoticeEntity } from '../kela-notices/kela-notice.entity';
import { ActivationFactsEntity } from './activation.entity';

@Injectable()
export class ActivationQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Recorded facts of many clients in one query. */
  async factsByClientIds(clientIds: readonly string[]): Promise<(ActivationFactsEntity | null)[]> {
    const rows = await this.dataSource.getRepository(ActivationFactsEntity).findBy({ clientId: In([...clientIds]) });
    const byId = new Map(rows.map((row) => [row.clientId, row]));
    return clientIds.map((id) => byId.get(id) ?? null);
  }

  /** Kela notices of many clients in one query (type and day received), for the facts they attest. */
  async kelaNoticesByClientIds(clientIds: readonly string[]): Promise<Array<Array<Pick<KelaNoticeEntity, 'noticeType' | 'receivedAt'>>>> {
    const rows = await this.dataSource.getRepository(KelaNoticeEntity).find({ where: { clientId: In([...clientIds]) }, select: { clientId: true, noticeType: true, receivedAt: true } });
    return clientIds.map((id) => rows.filter((row) => row.clientId === id));
  }
}
