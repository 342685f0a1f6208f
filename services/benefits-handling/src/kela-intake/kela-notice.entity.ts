import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { KelaNoticeType } from '../domain';

/** Kelan ilmoitus (eTotu). The identity code only encrypted, with its keyed hash for matching a resend. */
@Entity({ name: 'kela_notice' })
export class KelaNoticeEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'kela_reference', type: 'text' })
  kelaReference: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ name: 'notice_type', type: 'text' })
  noticeType: KelaNoticeType;

  @Column({ type: 'boolean' })
  urgent: boolean;

  @Column({ name: 'kela_decision_on', type: 'date', nullable: true })
  kelaDecisionOn: string | null;

  @Column({ name: 'personal_identity_code_encrypted', type: 'text' })
  personalIdentityCodeEncrypted: string;

  @Column({ name: 'personal_identity_code_hash', type: 'text' })
  personalIdentityCodeHash: string;

  @Column({ name: 'submitted_by', type: 'text' })
  submittedBy: string;

  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;
}
