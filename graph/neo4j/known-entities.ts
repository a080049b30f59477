/**
 * The entities already in the database, as the importer's cross-document merge needs them: type, name
 * and aliases, no mentions. Read once per import so that a document imported today joins the entities
 * that earlier imports stored, exactly as if they had been imported together.
 */
import { ENTITY_TYPES, type EntityRecord, type EntityType } from '../model/types';
import type { Neo4jConnection } from './connection';
import { inRead } from './transaction';

export async function readKnownEntities(connection: Neo4jConnection): Promise<EntityRecord[]> {
  return inRead(connection, async (tx) => {
    const result = await tx.run(
      `MATCH (e:Entity) WHERE e.type IN $types
       RETURN e.id AS id, e.type AS type, e.name AS name, coalesce(e.aliases, []) AS aliases`,
      { types: [...ENTITY_TYPES] },
    );
    return result.records.map((r) => ({
      id: String(r.get('id')),
      type: r.get('type') as EntityType,
      name: String(r.get('name')),
      aliases: (r.get('aliases') as unknown[]).map(String),
      attributes: {},
      mentions: [],
    }));
  });
}
