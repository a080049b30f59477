/**
 * Where in the user's query an error is: Neo4j names it as `(line 2, column 7 (offset: 30))` in the
 * message, but of the statement it was sent (which the planner check prefixes with `EXPLAIN `), and the
 * lexical guard names the offset of a token in the trimmed statement. Both are mapped back to the text
 * the user typed, so the console can mark the very character.
 */
import type { CypherErrorPosition } from '../model/api-types';

const NEO4J_POSITION = /\s*\(line (\d+), column (\d+) \(offset: (\d+)\)\)/;

/** The 1-based line and column of an offset into `source` (clamped into it). */
export function positionAt(source: string, offset: number): CypherErrorPosition {
  const at = Math.max(0, Math.min(source.length, Math.floor(offset)));
  const before = source.slice(0, at);
  const line = before.split('\n').length;
  const column = at - (before.lastIndexOf('\n') + 1) + 1;
  return { offset: at, line, column };
}

/** The offset Neo4j's message names, if it names one. */
export function neo4jErrorOffset(message: string): number | undefined {
  const match = NEO4J_POSITION.exec(message);
  return match ? Number(match[3]) : undefined;
}

/** The message with Neo4j's position text (which counts from the sent statement) left out. */
export function withoutNeo4jPosition(message: string): string {
  return message.replace(NEO4J_POSITION, '');
}
