/**
 * Roles that other rules already found as offices or members.
 *
 * - `office-role`: a body's chair or vice chair is also a role ("Ordförande, Styrgruppen", kind CHAIR or
 *   VICE_CHAIR) serving that body, with the office's quote: the data files compare roles across regions,
 *   and the chair is the role most documents describe.
 * - `representative-role`: a member given as one representative ("Representant från skolledarna",
 *   "en representant för folkhälsa") is a role of kind REPRESENTATIVE serving the body.
 */
import type { RoleData } from '@samverkan/contract';
import type { Draft } from '../model';

function role(draft: Draft, key: string, title: string, kind: RoleData['kind'], bodyId: string, source: RoleData['source'], rule: string) {
  draft.addRole(key, {
    title,
    kind,
    kindNote: null,
    employer: null,
    financing: null,
    postHolders: null,
    servesBodyIds: [bodyId],
    duties: [],
    notes: [],
    source: { ...source, draft: { rule, confidence: 0.5 } },
  });
}

export function roleRules(draft: Draft): void {
  for (const b of [...draft.bodies]) {
    if (b.chair) role(draft, `ordförande ${b.id}`, `Ordförande, ${b.name}`, 'CHAIR', b.id, b.chair.source, 'office-role');
    if (b.viceChair) role(draft, `vice ordförande ${b.id}`, `Vice ordförande, ${b.name}`, 'VICE_CHAIR', b.id, b.viceChair.source, 'office-role');
    for (const m of b.composition) {
      const single = /^representant$/i.test(m.function) && (!m.seats || m.seats.min === 1);
      if (!single || !m.organisation) continue;
      const title = `Representant ${m.source.quote.includes(` för ${m.organisation}`) ? 'för' : 'från'} ${m.organisation}`;
      role(draft, `representant ${m.organisation.toLowerCase()} ${b.id}`, title, 'REPRESENTATIVE', b.id, m.source, 'representative-role');
    }
  }
}
