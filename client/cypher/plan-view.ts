/**
 * An EXPLAIN plan drawn as a tree of operator boxes, the result at the top and the scans at the leaves, each
 * box with what Neo4j says the operator does and how many rows it expects (Neo4j Browser's plan view, as a
 * list a screen reader can follow).
 */
import type { CypherPlanOperator } from '../../graph/model/api-types';
import { el } from '../ui/dom';
import { formatRows } from './result-text';

function operatorItem(op: CypherPlanOperator): HTMLElement {
  const box = el('div', { className: 'plan-operator' }, [
    el('strong', { className: 'plan-name', text: op.operator }),
    ...(op.details ? [el('span', { className: 'plan-details', text: op.details })] : []),
    ...(op.estimatedRows === undefined
      ? []
      : [el('span', { className: 'plan-rows', text: `~${formatRows(op.estimatedRows)} rows` })]),
  ]);
  const item = el('li', {}, [box]);
  if (op.children.length) item.append(el('ul', {}, op.children.map(operatorItem)));
  return item;
}

export function planView(plan: CypherPlanOperator): HTMLElement {
  return el('ul', { className: 'plan-tree', attrs: { 'aria-label': 'Query plan' } }, [operatorItem(plan)]);
}
