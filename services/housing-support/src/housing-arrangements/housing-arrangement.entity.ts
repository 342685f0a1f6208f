import { Column, Entity, PrimaryColumn } from 'typeorm';
import { IntermediaryAccountStatus, SubleaseStatus } from '../domain';

/** Välitystili: the payment-intermediary account rent is paid from before anything else. */
@Entity({ name: 'payment_intermediary_account' })
export class PaymentIntermediaryAccountEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ type: 'text' })
  status: IntermediaryAccountStatus;

  @Column({ name: 'opened_on', type: 'date' })
  openedOn: string;

  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn: string | null;

  @Column({ name: 'opened_by', type: 'text' })
  openedBy: string;
}

/** Välivuokraus: the county rents a flat and sublets it to the client (the last resort). */
@Entity({ name: 'sublease' })
export class SubleaseEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @Column({ type: 'text' })
  status: SubleaseStatus;

  @Column({ type: 'text' })
  address: string;

  @Column({ name: 'monthly_rent_cents', type: 'integer' })
  monthlyRentCents: number;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'ended_on', type: 'date', nullable: true })
  endedOn: string | null;
}
