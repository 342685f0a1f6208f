import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { WorkerRole } from '../domain';

registerEnumType(WorkerRole, {
  name: 'WorkerRole',
  description:
    'Työntekijän rooli: SOCIAL_WORKER sosiaalityöntekijä, SOCIAL_INSTRUCTOR sosiaaliohjaaja, PRACTICAL_NURSE lähihoitaja, BENEFITS_HANDLER etuuskäsittelijä, CLIENT_ADVISOR asiakasopastaja, SUPERVISOR johtava sosiaalityöntekijä, AUDITOR tietosuojavastaava',
});

@ObjectType('Worker', { description: 'Työntekijä: a worker of adult social work' })
export class Worker {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'The user id the worker signs in with (the token’s subject)' })
  userId: string;

  @Field(() => String)
  name: string;

  @Field(() => WorkerRole)
  role: WorkerRole;

  @Field(() => String, { description: 'Tiimi' })
  team: string;
}

@InputType({ description: 'Työntekijän rekisteröinti' })
export class RegisterWorkerInput {
  @Field(() => String)
  userId: string;

  @Field(() => String)
  name: string;

  @Field(() => WorkerRole)
  role: WorkerRole;

  @Field(() => String)
  team: string;
}
