import { Column, Entity, PrimaryColumn } from 'typeorm';
import { RateName } from '../domain';

/** Voimassaoleva määrä: an amount in force from validFrom until the next row of the same name. */
@Entity({ name: 'income_support_rate' })
export class IncomeSupportRateEntity {
  @PrimaryColumn({ type: 'text' })
  name: RateName;

  @PrimaryColumn({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ type: 'integer' })
  cents: number;
}
