/**
 * Constraints for the curation log; applied with the rest of the schema. Workshop data itself is not in
 * Neo4j (graph/workshop-store/).
 */
export const CURATION_SCHEMA_STATEMENTS: readonly string[] = [
  'CREATE CONSTRAINT curation_id IF NOT EXISTS FOR (n:Curation) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT curation_seq IF NOT EXISTS FOR (n:Curation) REQUIRE n.seq IS UNIQUE',
];
