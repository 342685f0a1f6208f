import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { LocalDate } from '@asw/calendar';
import { PreferredLanguage } from './client.rules';

@Entity({ name: 'client' })
export class ClientEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** Null (with the other details) for a person first met through a Kela notice, until a worker records them. */
  @Column({ name: 'first_name', type: 'text', nullable: true })
  firstName: string | null;

  @Column({ name: 'last_name', type: 'text', nullable: true })
  lastName: string | null;

  /** Lower-cased names for case-insensitive prefix search and ordering (the database runs in the C locale). */
  @Column({ name: 'first_name_key', type: 'text', nullable: true })
  firstNameKey: string | null;

  @Column({ name: 'last_name_key', type: 'text', nullable: true })
  lastNameKey: string | null;

  /** Henkilötunnus, AES-256-GCM encrypted (libs/personal-identity-code); never selected for display. */
  @Column({ name: 'personal_identity_code_encrypted', type: 'text', select: false })
  personalIdentityCodeEncrypted: string;

  /** Keyed HMAC of the henkilötunnus: exact lookup and the duplicate check, without decrypting. */
  @Column({ name: 'personal_identity_code_hash', type: 'char', length: 64 })
  personalIdentityCodeHash: string;

  /** Derived from the henkilötunnus at registration. */
  @Column({ name: 'date_of_birth', type: 'date' })
  dateOfBirth: LocalDate;

  /** Kotikunta: Statistics Finland's three-digit municipality code. */
  @Column({ name: 'municipality_code', type: 'char', length: 3, nullable: true })
  municipalityCode: string | null;

  @Column({ name: 'preferred_language', type: 'text', nullable: true })
  preferredLanguage: PreferredLanguage | null;

  @CreateDateColumn({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;
}
