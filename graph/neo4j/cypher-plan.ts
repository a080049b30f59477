/**
 * The planner's answer to EXPLAIN as plain JSON: each operator with what Neo4j says of it (the details
 * column of Neo4j Browser's plan view, its estimated rows) and its children, the tree the console draws.
 */
import type { Plan } from 'neo4j-driver';
import type { CypherPlanOperator } from '../model/api-types';

export function toPlanJson(plan: Plan): CypherPlanOperator {
  const args = plan.arguments as Record<string, unknown>;
  const operator: CypherPlanOperator = {
    // Neo4j 5 names operators with their runtime (`NodeByLabelScan@neo4j`): the name alone is what users read.
    operator: plan.operatorType.replace(/@.*$/, ''),
    identifiers: [...plan.identifiers],
    children: plan.children.map(toPlanJson),
  };
  const details = args.Details ?? args.details;
  if (typeof details === 'string' && details !== '') operator.details = details;
  const rows = numberOf(args.EstimatedRows);
  if (rows !== undefined) operator.estimatedRows = rows;
  return operator;
}

function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  const int = value as { toNumber?: () => number } | null;
  if (int && typeof int.toNumber === 'function') return int.toNumber();
  return undefined;
}
