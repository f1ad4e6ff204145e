/** OrebroRegion: the shared Region contract plus what only Örebro län has (see resolver.ts). */
import { Directive, ObjectType } from 'type-graphql';
import { Region } from '@samverkan/contract';

@Directive('@key(fields: "code")')
@ObjectType('OrebroRegion', {
  implements: Region,
  description: 'Örebro län: the regional collaboration structure for social welfare, care and public health (samverkansråd, chefsgrupper, länsdelsgrupper).',
})
export class OrebroRegion extends Region {}
