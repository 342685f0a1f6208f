import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Read model: the clients case has announced (ClientRegistered, or a decision). group-activity never reads case's database. */
@Entity({ name: 'known_client' })
export class KnownClientEntity {
  @PrimaryColumn({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;

  /** When case said the client's last open case closed; null while a case is open. */
  @Column({ name: 'all_cases_closed_at', type: 'timestamptz', nullable: true })
  allCasesClosedAt: Date | null;
}
