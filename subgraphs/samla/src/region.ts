/** SamlaRegion: the shared Region contract plus what only SAMLA (Lerum–Alingsås) has (see resolver.ts). */
import { Directive, ObjectType } from 'type-graphql';
import { Region } from '@samverkan/contract';

@Directive('@key(fields: "code")')
@ObjectType('SamlaRegion', {
  implements: Region,
  description: 'SAMLA, the collaboration between Lerum, Alingsås and the region (Samordningsgruppen and NOSAM).',
})
export class SamlaRegion extends Region {}
