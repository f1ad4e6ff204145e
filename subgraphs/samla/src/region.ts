/** SamlaRegion: the shared Region contract plus what only SAMLA has. */
import { Directive, ObjectType } from 'type-graphql';
import { Region } from '@samverkan/shared';

@Directive('@key(fields: "code")')
@ObjectType('SamlaRegion', { implements: Region, description: 'SAMLA, the collaboration between Lerum, Alingsås and Västra Götalandsregionen (Samordningsgruppen and NOSAM).' })
export class SamlaRegion extends Region {}
