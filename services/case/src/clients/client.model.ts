import { Directive, Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { LocalDate } from '@asw/calendar';
import { LocalDateScalar } from '@asw/subgraph';
import { PreferredLanguage } from './client.rules';

registerEnumType(PreferredLanguage, { name: 'PreferredLanguage', description: 'Asiointikieli: FI = suomi, SV = svenska, EN = English' });

@ObjectType('Client', { description: 'Asiakas: a person who is a client of adult social work. Owned by the case service.' })
@Directive('@key(fields: "id")')
export class Client {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true, description: 'Etunimi; null until recorded for a person first met through a Kela notice' })
  firstName: string | null;

  @Field(() => String, { nullable: true, description: 'Sukunimi; null until recorded for a person first met through a Kela notice' })
  lastName: string | null;

  @Field(() => LocalDateScalar, { description: 'Syntymäaika: derived from the personal identity code (henkilötunnus), which itself is never shown' })
  dateOfBirth: LocalDate;

  @Field(() => String, { nullable: true, description: 'Kotikunta: three-digit municipality code (kuntanumero); null until recorded for a person first met through a Kela notice' })
  municipalityCode: string | null;

  @Field(() => PreferredLanguage, { nullable: true, description: 'Asiointikieli; null until recorded for a person first met through a Kela notice' })
  preferredLanguage: PreferredLanguage | null;

  @Field(() => Date, { description: 'When the client was registered (rekisteröity)' })
  registeredAt: Date;
}

/** Ikä: resolved per request from the date of birth, so it is right on every day. */
export const CLIENT_AGE_DESCRIPTION = 'Ikä: age in full years today (Finnish time), from the date of birth';

@InputType({ description: 'Asiakkaan rekisteröinti: registering a new client' })
export class RegisterClientInput {
  @Field(() => String, { description: 'Henkilötunnus (DDMMYYCZZZQ); validated, stored only encrypted, never returned' })
  personalIdentityCode: string;

  @Field(() => String)
  firstName: string;

  @Field(() => String)
  lastName: string;

  @Field(() => String, { description: 'Kotikunta: three-digit municipality code (kuntanumero), e.g. "398" for Lahti' })
  municipalityCode: string;

  @Field(() => PreferredLanguage)
  preferredLanguage: PreferredLanguage;
}

@InputType({ description: 'Asiakkaan perustiedot: names, home municipality and language of a client first met through a Kela notice' })
export class ClientDetailsInput {
  @Field(() => String)
  firstName: string;

  @Field(() => String)
  lastName: string;

  @Field(() => String, { description: 'Kotikunta: three-digit municipality code (kuntanumero)' })
  municipalityCode: string;

  @Field(() => PreferredLanguage)
  preferredLanguage: PreferredLanguage;
}

@ObjectType('ClientEdge')
export class ClientEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => Client)
  node: Client;
}

@ObjectType('PageInfo', { description: 'Relay-style paging: pass endCursor as `after` for the next page.' })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ObjectType('ClientConnection', { description: 'Asiakashaku: one page of clients, ordered by last name, first name' })
export class ClientConnection {
  @Field(() => [ClientEdge])
  edges: ClientEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}


@ObjectType('IntakeReference', { description: 'What a duplicate registration’s intake reference stands for (intake team only).' })
export class IntakeReference {
  @Field()
  reference: string;
  @Field(() => ID)
  clientId: string;
  @Field({ description: 'The worker who tried to register the person' })
  requestedBy: string;
  @Field()
  requestedAt: Date;
}
