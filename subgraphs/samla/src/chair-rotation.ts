/**
 * SAMLA's own shape: the chair rotates yearly between the principals (huvudmän), following the
 * political consultation group, and the vice chair comes from the other principal. Built from the
 * shared Office facts of Samordningsgruppen and SAMLA's own rotation facts.
 */
import { Field, ID, ObjectType } from 'type-graphql';
import { Office, RegionalFact, SubstituteRuleFact } from '@samverkan/contract';

@ObjectType('SamlaChairRotation', { description: 'How the chair of Samordningsgruppen rotates.' })
export class SamlaChairRotation {
  @Field(() => Office, { nullable: true, description: 'The chair office (shared vocabulary): selection, term, rotation.' }) chair?: Office | null;
  @Field(() => Office, { nullable: true, description: 'The vice-chair office: appointed by the other principal.' }) viceChair?: Office | null;
  @Field(() => ID, { description: "The body whose principal the chair follows: the body the chair's selection rule (`chair.selection`) names." })
  followsBodyId!: string;
  @Field(() => [RegionalFact], { description: 'The rotation rules, one fact each.' }) rules!: RegionalFact[];
}

@ObjectType('SamlaRepresentation', { description: 'Representation in Samordningsgruppen: no substitutes.' })
export class SamlaRepresentation {
  @Field(() => SubstituteRuleFact, { description: 'The shared substitute rule: FORBIDDEN, with its quote.' }) substitutes!: SubstituteRuleFact;
}
