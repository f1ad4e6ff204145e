/** HoglandetRegion: the shared Region contract plus what only Höglandet has (see resolver.ts). */
import { Directive, ObjectType } from 'type-graphql';
import { Region } from '@samverkan/contract';

@Directive('@key(fields: "code")')
@ObjectType('HoglandetRegion', {
  implements: Region,
  description: 'Höglandet: Höglandets samordningsförbund and Uppdrag Samverkan, organised per kommunområde.',
})
export class HoglandetRegion extends Region {}
