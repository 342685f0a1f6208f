import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { groupByKey } from '@asw/subgraph';
import { kelaNoticeHandling, mustBeHandledSameDay } from '../domain';
import { KelaNotice } from './kela-intake.model';
import { KelaNoticeEntity } from './kela-notice.entity';

@Injectable()
export class KelaNoticeQueries {
  constructor(private readonly dataSource: DataSource) {}

  async noticesOf(clientIds: readonly string[]): Promise<KelaNotice[][]> {
    const rows = await this.dataSource.getRepository(KelaNoticeEntity).find({ where: { clientId: In([...clientIds]) }, order: { receivedAt: 'DESC' } });
    return groupByKey(clientIds, rows.map(toKelaNotice), (row) => row.clientId);
  }
}

function toKelaNotice(row: KelaNoticeEntity): KelaNotice & { clientId: string } {
  const handling = kelaNoticeHandling(row.noticeType);
  return {
    id: row.id,
    clientId: row.clientId,
    kelaReference: row.kelaReference,
    noticeType: row.noticeType,
    urgent: row.urgent,
    receivedAt: row.receivedAt,
    kelaDecisionOn: row.kelaDecisionOn,
    priority: handling.priority,
    opensOrAttachesCase: handling.opensOrAttachesCase,
    mustBeHandledSameDay: mustBeHandledSameDay(row.noticeType, row.urgent),
    activationFact: handling.activationFact && { ageBand: handling.activationFact.ageBand, months: handling.activationFact.months },
  };
}
