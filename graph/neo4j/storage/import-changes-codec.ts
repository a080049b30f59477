/**
 * The one owner of how an import's changes (ImportChanges) sit on its `(:DocumentLog)` entry. Neo4j
 * properties cannot hold maps, so each kind of change is parallel lists — entry i of each list is one
 * change — as the evidence codec does for facts:
 *
 *   newEntityIds, newEntityNames, newEntityTypes
 *   newRelationIds, newRelationTypes, newRelationSources, newRelationTargets
 *   evidenceRelationIds, evidenceRelationTypes, evidenceRelationSources, evidenceRelationTargets, evidenceAdded
 *   aliasEntityIds, aliasEntityNames, aliasEntityTypes, aliasTexts (one entry per alias gained)
 */
import type { ImportChanges } from '../../model/api-types';

export type ImportChangesProperties = Record<string, string[] | number[]>;

export function encodeImportChanges(changes: ImportChanges): ImportChangesProperties {
  const aliasRows = changes.gainedAliases.flatMap((e) => e.aliases.map((alias) => ({ ...e, alias })));
  return {
    newEntityIds: changes.newEntities.map((e) => e.id),
    newEntityNames: changes.newEntities.map((e) => e.name),
    newEntityTypes: changes.newEntities.map((e) => e.type),
    newRelationIds: changes.newRelations.map((r) => r.id),
    newRelationTypes: changes.newRelations.map((r) => r.type),
    newRelationSources: changes.newRelations.map((r) => r.source),
    newRelationTargets: changes.newRelations.map((r) => r.target),
    evidenceRelationIds: changes.gainedEvidence.map((r) => r.id),
    evidenceRelationTypes: changes.gainedEvidence.map((r) => r.type),
    evidenceRelationSources: changes.gainedEvidence.map((r) => r.source),
    evidenceRelationTargets: changes.gainedEvidence.map((r) => r.target),
    evidenceAdded: changes.gainedEvidence.map((r) => r.added),
    aliasEntityIds: aliasRows.map((e) => e.id),
    aliasEntityNames: aliasRows.map((e) => e.name),
    aliasEntityTypes: aliasRows.map((e) => e.type),
    aliasTexts: aliasRows.map((e) => e.alias),
  };
}

function strings(props: Record<string, unknown>, key: string): string[] {
  const value = props[key];
  return Array.isArray(value) ? value.map(String) : [];
}

function plainNumber(value: unknown): number {
  if (value && typeof value === 'object' && 'toNumber' in value) return (value as { toNumber(): number }).toNumber();
  return Number(value);
}

/** The changes an entry holds; an entry written before changes were kept holds none. */
export function decodeImportChanges(props: Record<string, unknown>): ImportChanges {
  const at = (key: string, i: number) => strings(props, key)[i] ?? '';
  const added = Array.isArray(props.evidenceAdded) ? props.evidenceAdded.map(plainNumber) : [];
  const aliases = new Map<string, ImportChanges['gainedAliases'][number]>();
  strings(props, 'aliasEntityIds').forEach((id, i) => {
    const entity = aliases.get(id) ?? {
      id,
      name: at('aliasEntityNames', i),
      type: at('aliasEntityTypes', i),
      aliases: [],
    };
    entity.aliases.push(at('aliasTexts', i));
    aliases.set(id, entity);
  });
  return {
    newEntities: strings(props, 'newEntityIds').map((id, i) => ({
      id,
      name: at('newEntityNames', i),
      type: at('newEntityTypes', i),
    })),
    newRelations: strings(props, 'newRelationIds').map((id, i) => ({
      id,
      type: at('newRelationTypes', i),
      source: at('newRelationSources', i),
      target: at('newRelationTargets', i),
    })),
    gainedEvidence: strings(props, 'evidenceRelationIds').map((id, i) => ({
      id,
      type: at('evidenceRelationTypes', i),
      source: at('evidenceRelationSources', i),
      target: at('evidenceRelationTargets', i),
      added: added[i] ?? 0,
    })),
    gainedAliases: [...aliases.values()],
  };
}
