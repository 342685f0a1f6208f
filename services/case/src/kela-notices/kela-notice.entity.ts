import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A Kela notice (eTotu) about a client, as benefits-handling reported it. */
@Entity({ name: 'kela_notice' })
export class KelaNoticeEntity {
  @PrimaryColumn({ name: 'notice_id', type: 'uuid' })
  noticeId: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ name: 'notice_type', type: 'text' })
  noticeType: string;

  @Column({ type: 'boolean' })
  urgent: boolean;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  /** The case the notice opened or was attached to; null for notices that do not concern a case. */
  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId: string | null;

  /** True when this notice opened the case, false when it joined one already open. */
  @Column({ name: 'case_opened', type: 'boolean' })
  caseOpened: boolean;
}
