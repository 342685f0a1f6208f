import { Directive, Field, ID, InputType, ObjectType } from '@nestjs/graphql';

@ObjectType('Client', { description: 'Asiakas: a person who is a client of adult social work. Owned by the case service.' })
@Directive('@key(fields: "id")')
export class Client {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'Etunimi' })
  firstName: string;

  @Field(() => String, { description: 'Sukunimi' })
  lastName: string;

  @Field(() => Date, { description: 'When the client was registered (rekisteröity)' })
  registeredAt: Date;
}

@InputType({ description: 'Asiakkaan rekisteröinti: registering a new client' })
export class RegisterClientInput {
  @Field(() => String)
  firstName: string;

  @Field(() => String)
  lastName: string;
}
