/** Constraints and indexes for workshop data and the curation log; applied with the rest of the schema. */
export const WORKSHOP_SCHEMA_STATEMENTS: readonly string[] = [
  'CREATE CONSTRAINT workshop_id IF NOT EXISTS FOR (n:Workshop) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT participant_id IF NOT EXISTS FOR (n:Participant) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT participant_token IF NOT EXISTS FOR (n:Participant) REQUIRE n.tokenHash IS UNIQUE',
  'CREATE CONSTRAINT saved_view_id IF NOT EXISTS FOR (n:SavedView) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT annotation_id IF NOT EXISTS FOR (n:Annotation) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT curation_id IF NOT EXISTS FOR (n:Curation) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT curation_seq IF NOT EXISTS FOR (n:Curation) REQUIRE n.seq IS UNIQUE',
  'CREATE INDEX workshop_editor_code IF NOT EXISTS FOR (n:Workshop) ON (n.editorCodeHash)',
  'CREATE INDEX workshop_viewer_code IF NOT EXISTS FOR (n:Workshop) ON (n.viewerCodeHash)',
  'CREATE INDEX saved_view_workshop IF NOT EXISTS FOR (n:SavedView) ON (n.workshop)',
  'CREATE INDEX annotation_workshop IF NOT EXISTS FOR (n:Annotation) ON (n.workshop)',
  'CREATE INDEX annotation_target IF NOT EXISTS FOR (n:Annotation) ON (n.targetId)',
];
