import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * Read model: clients case announced (ClientRegistered), and persons first met through Kela, whose id
 * is assigned here and travels to case in KelaNoticeReceived. Only the keyed lookup hash of the
 * identity code is kept, never the code.
 */
@Entity({ name: 'known_client' })
export class KnownClientEntity {
  @PrimaryColumn({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ name: 'personal_identity_code_hash', type: 'text', nullable: true })
  personalIdentityCodeHash: string | null;

  @Column({ type: 'text' })
  source: 'CASE' | 'KELA';

  @CreateDateColumn({ name: 'known_since', type: 'timestamptz' })
  knownSince: Date;
}
