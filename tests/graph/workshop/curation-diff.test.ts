import { curationDiff } from '../../../graph/workshop/curation-diff';
import { rebaseSnapshots } from '../../../graph/workshop/snapshot-compare';
import type { Snapshot } from '../../../graph/workshop/types';

const entity = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  id,
  labels: ['Entity', 'State'],
  properties: { id, name, type: 'State', ...extra } as Snapshot['relationships'][number]['properties'],
});
const rel = (type: string, start: string, end: string, props: Record<string, unknown>) => ({
  key: `${type}${start}${end}`,
  type,
  start: { label: 'Entity' as const, id: start },
  end: { label: 'Entity' as const, id: end },
  properties: props as Snapshot['relationships'][number]['properties'],
});

describe('curation diff', () => {
  it('names entities deleted and changed and counts relationships by type', () => {
    const before: Snapshot = {
      entities: { 'state:a': entity('state:a', 'A'), 'state:b': entity('state:b', 'B') },
      relationships: [
        rel('SIGNED', 'state:b', 't', { id: 'r1' }),
        rel('SUPPORTS', 'state:a', 'x', { id: 'r2', confidence: 0.5 }),
      ],
    };
    const after: Snapshot = {
      entities: { 'state:a': entity('state:a', 'A', { aliases: ['B'] }), 'state:b': null },
      relationships: [
        rel('SIGNED', 'state:a', 't', { id: 'r1' }),
        rel('SUPPORTS', 'state:a', 'x', { id: 'r2', confidence: 0.9 }),
      ],
    };
    const diff = curationDiff(before, after);
    expect(diff.entitiesDeleted).toEqual([{ id: 'state:b', name: 'B', type: 'State' }]);
    expect(diff.entitiesChanged).toEqual([
      { id: 'state:a', name: 'A', changes: { aliases: { before: null, after: ['B'] } } },
    ]);
    expect(diff.relationshipsAdded).toEqual({ SIGNED: 1 });
    expect(diff.relationshipsRemoved).toEqual({ SIGNED: 1 });
    expect(diff.relationshipsChanged).toEqual({ SUPPORTS: 1 });
  });

  it('is empty when nothing changed', () => {
    const same: Snapshot = {
      entities: { 'state:a': entity('state:a', 'A') },
      relationships: [rel('SIGNED', 'state:a', 't', { id: 'r1' })],
    };
    expect(curationDiff(same, same)).toEqual({
      entitiesCreated: [],
      entitiesDeleted: [],
      entitiesChanged: [],
      relationshipsAdded: {},
      relationshipsRemoved: {},
      relationshipsChanged: {},
    });
  });
});

describe('rebasing snapshots', () => {
  const before: Snapshot = {
    entities: { 'state:a': entity('state:a', 'A'), 'state:b': entity('state:b', 'B') },
    relationships: [rel('SIGNED', 'state:b', 't', { id: 'r1' })],
  };
  const after: Snapshot = {
    entities: { 'state:a': entity('state:a', 'A', { aliases: ['B'] }), 'state:b': null },
    relationships: [rel('SIGNED', 'state:a', 't', { id: 'r1' })],
  };

  it('carries relationships and untouched properties an import added into before', () => {
    const current: Snapshot = {
      entities: { 'state:a': entity('state:a', 'A', { aliases: ['B'], population: 5 }), 'state:b': null },
      relationships: [...after.relationships, rel('SUPPLIES', 'state:a', 'x', { id: 'r9' })],
    };
    const rebased = rebaseSnapshots(before, after, current);
    expect(rebased?.after).toBe(current);
    expect(rebased?.before.entities['state:a']?.properties).toEqual({
      id: 'state:a',
      name: 'A',
      type: 'State',
      population: 5,
    });
    expect(rebased?.before.relationships.map((r) => r.type)).toEqual(['SIGNED', 'SUPPLIES']);
  });

  it('gives up when the import changed what the curation itself set', () => {
    const current: Snapshot = {
      ...after,
      entities: { 'state:a': entity('state:a', 'A', { aliases: [] }), 'state:b': null },
    };
    expect(rebaseSnapshots(before, after, current)).toBeNull();
  });
});
