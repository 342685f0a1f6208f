import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { PersonalIdentityCodeProtector } from '@asw/personal-identity-code';
import { pageSize } from '../domain';
import { ClientEntity } from './client.entity';
import { ClientPosition, ClientSearch, decodeClientCursor, encodeClientCursor } from './client.rules';

export interface ClientPage {
  edges: Array<{ cursor: string; node: ClientEntity }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Escapes LIKE's wildcards so a search for "a_b" means those three characters. */
const likePrefix = (term: string) => `${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

@Injectable()
export class ClientQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly identityCodes: PersonalIdentityCodeProtector,
  ) {}

  /** One query for many ids, in the order asked (null where unknown): the batch behind the loaders. */
  async byIds(ids: readonly string[]): Promise<(ClientEntity | null)[]> {
    const rows = await this.dataSource.getRepository(ClientEntity).findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** Clients matching the search, ordered by last name, first name and id, keyset-paged (one query). */
  async search(search: ClientSearch, first: number | null | undefined, after: string | null | undefined): Promise<ClientPage> {
    const size = pageSize(first);
    const position: ClientPosition | null = after ? decodeClientCursor(after) : null;
    const query = this.dataSource.getRepository(ClientEntity).createQueryBuilder('client');
    if (search.kind === 'personalIdentityCode') {
      query.where('client.personal_identity_code_hash = :hash', { hash: this.identityCodes.lookupHash(search.code) });
    } else {
      search.terms.forEach((term, index) => {
        query.andWhere(`(client.first_name_key LIKE :term${index} OR client.last_name_key LIKE :term${index})`, { [`term${index}`]: likePrefix(term) });
      });
    }
    if (position) {
      query.andWhere('(client.last_name_key, client.first_name_key, client.id) > (:lastName, :firstName, :id)', position);
    }
    const rows = await query
      .orderBy('client.last_name_key')
      .addOrderBy('client.first_name_key')
      .addOrderBy('client.id')
      .limit(size + 1)
      .getMany();
    const edges = rows.slice(0, size).map((node) => ({
      cursor: encodeClientCursor({ lastName: node.lastNameKey ?? '', firstName: node.firstNameKey ?? '', id: node.id }),
      node,
    }));
    return { edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}
