/**
 * Höglandet's own shapes: the four rehabilitation actors of the samordningsförbund (the document
 * does not name them, so neither do we) and the kommunområden the work is organised by.
 */
import { Field, Int, ObjectType } from 'type-graphql';
import { Source } from '@samverkan/contract';

@ObjectType('HoglandetRehabilitationActors', { description: 'The four rehabilitation actors (samverkansparter) of Höglandets samordningsförbund.' })
export class HoglandetRehabilitationActors {
  @Field(() => Int, { nullable: true }) count!: number | null;
  @Field(() => Boolean, {
    description: 'Whether the data names the actors (facts of topic rehabilitation-party-name); false: the document does not name them.',
  })
  named!: boolean;
  @Field(() => [String], { description: "The actors' names as the data gives them (empty: the document does not name them)." }) names!: string[];
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => Source) source!: Source;
}

@ObjectType('HoglandetKommunomraden', { description: 'The kommunområden: each has its own styrgrupp and arbetsgrupp.' })
export class HoglandetKommunomraden {
  @Field(() => Int, { nullable: true }) count!: number | null;
  @Field(() => [String], {
    description: "The kommunområden's names as the data gives them (facts of topic kommunomrade-name; empty: the document does not name them).",
  })
  names!: string[];
  @Field(() => Source) source!: Source;
}
