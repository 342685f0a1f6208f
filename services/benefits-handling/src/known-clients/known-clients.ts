import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PersonalIdentityCodeProtector } from '@asw/personal-identity-code';
import { KnownClientEntity } from './known-client.entity';

/** A person Kela identified by henkilötunnus, matched to a client id. */
export interface MatchedPerson {
  clientId: string;
  /** The code under the current key, for the event that introduces a person case does not know yet; null when case announced the client. */
  encryptedIdentityCode: string | null;
  personalIdentityCodeHash: string;
}

/**
 * Matching identity codes to clients through the keyed lookup hash, never the code itself. A person
 * case has not announced gets a client id here (case registers the client under it, from
 * KelaNoticeReceived); later matches find that id.
 */
@Injectable()
export class KnownClients {
  constructor(private readonly protector: PersonalIdentityCodeProtector) {}

  /** The lookup hash; BAD_USER_INPUT (without echoing the value) if the code is not a valid henkilötunnus. */
  hashOf(personalIdentityCode: string): string {
    return this.protector.lookupHash(personalIdentityCode);
  }

  encrypt(personalIdentityCode: string): string {
    return this.protector.encrypt(personalIdentityCode);
  }

  async findByHash(manager: EntityManager, hash: string): Promise<KnownClientEntity | null> {
    return manager.findOneBy(KnownClientEntity, { personalIdentityCodeHash: hash });
  }

  async exists(manager: EntityManager, clientId: string): Promise<boolean> {
    return manager.existsBy(KnownClientEntity, { clientId });
  }

  /** Inside the caller's transaction: the known client with this code, or a new one assigned here. */
  async matchOrAssign(manager: EntityManager, personalIdentityCode: string): Promise<MatchedPerson> {
    const hash = this.hashOf(personalIdentityCode);
    const existing = await this.findByHash(manager, hash);
    if (existing) {
      return { clientId: existing.clientId, personalIdentityCodeHash: hash, encryptedIdentityCode: existing.source === 'KELA' ? this.encrypt(personalIdentityCode) : null };
    }
    const inserted: Array<{ client_id: string }> = await manager.query(
      `INSERT INTO known_client (client_id, personal_identity_code_hash, source) VALUES ($1, $2, 'KELA')
       ON CONFLICT (personal_identity_code_hash) DO NOTHING RETURNING client_id`,
      [randomUUID(), hash],
    );
    if (inserted.length > 0) return { clientId: inserted[0].client_id, personalIdentityCodeHash: hash, encryptedIdentityCode: this.encrypt(personalIdentityCode) };
    // Another request assigned the same person in between: use theirs.
    const raced = (await this.findByHash(manager, hash))!;
    return { clientId: raced.clientId, personalIdentityCodeHash: hash, encryptedIdentityCode: this.encrypt(personalIdentityCode) };
  }
}
