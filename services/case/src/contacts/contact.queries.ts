import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { LocalDate } from '@asw/calendar';
import { groupByKey } from '@asw/subgraph';
import { CountedContact, monthlyContactStatistics, MonthlyContactRow } from '../domain';
import { ContactEntity } from './contact.entity';

@Injectable()
export class ContactQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Monthly counts by worker role and contact type (one query for the period's contacts, counted by the domain rule). */
  async statistics(from: LocalDate, to: LocalDate, team: string | null): Promise<MonthlyContactRow[]> {
    const query = this.dataSource
      .getRepository(ContactEntity)
      .createQueryBuilder('contact')
      .select(['contact.occurred_on AS "occurredOn"', 'contact.worker_role AS "workerRole"', 'contact.contact_type AS type'])
      .where('contact.occurred_on BETWEEN :from AND :to', { from, to });
    if (team) query.andWhere('contact.team = :team', { team });
    const contacts: CountedContact[] = await query.getRawMany();
    return monthlyContactStatistics(contacts, from, to);
  }

  /** Contacts of many clients in one query, newest first. */
  async byClientIds(clientIds: readonly string[]): Promise<ContactEntity[][]> {
    const rows = await this.dataSource.getRepository(ContactEntity).find({ where: { clientId: In([...clientIds]) }, order: { occurredOn: 'DESC', recordedAt: 'DESC', id: 'ASC' } });
    return groupByKey(clientIds, rows, (row) => row.clientId);
  }
}
