/** KalmarRegion: the shared Region contract plus what only Kalmar län has (see resolver.ts). */
import { Directive, ObjectType } from 'type-graphql';
import { Region } from '@samverkan/contract';

@Directive('@key(fields: "code")')
@ObjectType('KalmarRegion', {
  implements: Region,
  description: 'Kalmar län: Länsgemensam ledning i samverkan, with the presidiekonferens and the samordnande grupper.',
})
export class KalmarRegion extends Region {}
