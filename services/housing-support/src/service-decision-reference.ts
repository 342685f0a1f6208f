import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';

/**
 * The `ServiceDecision` entity (owned by case) as this service refers to it: only its key. Not
 * resolvable here (`resolvable: false`): this service adds no fields to it, so the gateway always
 * fetches a decision's fields from case, where case's access rules for a decision apply.
 */
@ObjectType('ServiceDecision')
@Directive('@key(fields: "id", resolvable: false)')
export class ServiceDecisionReference {
  @Field(() => ID)
  id: string;
}
