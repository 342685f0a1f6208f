import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Read model: the clients case has announced (ClientRegistered). group-activity never reads case's database. */
@Entity({ name: 'known_client' })
export class KnownClientEntity {
  @PrimaryColumn({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;
}
