/** The shared enums, registered once for type-graphql from the data file's enum values (../data/enum-values.ts). */
import { registerEnumType } from 'type-graphql';
import {
  ARTIFACT_KINDS,
  BODY_KINDS,
  DUTY_CATEGORIES,
  LEVEL_BASES,
  LEVELS,
  PARENT_RELATIONS,
  PERMANENCE,
  PLAN_KINDS,
  ROLE_KINDS,
  SUBSTITUTE_RULES,
} from '../data/enum-values';

type EnumOf<T extends readonly string[]> = { [K in T[number]]: K };
function toEnum<T extends readonly string[]>(values: T): EnumOf<T> {
  return Object.fromEntries(values.map((v) => [v, v])) as EnumOf<T>;
}

export const Level = toEnum(LEVELS);
export const LevelBasis = toEnum(LEVEL_BASES);
export const BodyKind = toEnum(BODY_KINDS);
export const Permanence = toEnum(PERMANENCE);
export const ParentRelation = toEnum(PARENT_RELATIONS);
export const SubstituteRule = toEnum(SUBSTITUTE_RULES);
export const RoleKind = toEnum(ROLE_KINDS);
export const DutyCategory = toEnum(DUTY_CATEGORIES);
export const ReportArtifactKind = toEnum(ARTIFACT_KINDS);
export const PlanKind = toEnum(PLAN_KINDS);

registerEnumType(Level, { name: 'Level', description: 'Level in a collaboration structure, from political to operational.' });
registerEnumType(LevelBasis, {
  name: 'LevelBasis',
  description: 'Whether the document states the level, or it is inferred from the text (see the body notes).',
});
registerEnumType(BodyKind, { name: 'BodyKind', description: 'Canonical kind of body (council, managers group, working committee ...).' });
registerEnumType(Permanence, { name: 'Permanence', description: 'Whether a body is standing or temporary, as the document says.' });
registerEnumType(ParentRelation, { name: 'ParentRelation', description: 'How a body relates to the body above it.' });
registerEnumType(SubstituteRule, {
  name: 'SubstituteRule',
  description: 'Substitute (ersättare) rule: required, forbidden, allowed, or not stated (distinct from "no").',
});
registerEnumType(RoleKind, { name: 'RoleKind', description: 'Canonical role kind; each region keeps its own title beside it.' });
registerEnumType(DutyCategory, { name: 'DutyCategory', description: "Canonical duty category; each duty keeps its region's wording beside it." });
registerEnumType(ReportArtifactKind, {
  name: 'ReportArtifactKind',
  description: 'What is reported: minutes, decision summary, half-year or annual report ...',
});
registerEnumType(PlanKind, { name: 'PlanKind', description: 'Kind of plan or cycle: action plan, annual planning, steering document ...' });
