import type { CurationDiff, CurationSummary } from '../../../graph/workshop/types';
import { emptyCurationDiff } from '../../../graph/workshop/curation-diff';
import {
  curationEntityIds,
  curationRelationId,
  describeCuration,
  undoableEntry,
} from '../../../client/workshop/curation-words';

const EMPTY_DIFF: CurationDiff = emptyCurationDiff();

function entry(overrides: Partial<CurationSummary>): CurationSummary {
  return {
    id: 'cur-1',
    seq: 1,
    kind: 'rename',
    author: 'Ada',
    authorId: 'par-1',
    workshopId: 'ws-1',
    at: '2025-03-01T10:00:00.000Z',
    payload: { kind: 'rename', entityId: 'state:russia', name: 'Russian Federation', keepOldNameAsAlias: true },
    diff: EMPTY_DIFF,
    undone: false,
    undoneAt: null,
    undoneBy: null,
    replayedAt: null,
    outcome: 'applied',
    ...overrides,
  };
}

describe('a curation in words', () => {
  it('names who merged what into what, with the names the diff knows', () => {
    const words = describeCuration(
      entry({
        kind: 'merge',
        payload: { kind: 'merge', survivorId: 'state:russia', mergedId: 'organization:armed-forces' },
        diff: {
          ...EMPTY_DIFF,
          entitiesDeleted: [{ id: 'organization:armed-forces', name: 'Armed Forces', type: 'Organization' }],
          entitiesChanged: [
            {
              id: 'state:russia',
              name: 'Russia',
              changes: { aliases: { before: ['RF'], after: ['RF', 'Armed Forces'] } },
            },
          ],
          relationshipsAdded: { SUPPLIES: 2, CO_OCCURS: 5 },
          relationshipsRemoved: { SUPPLIES: 2 },
        },
      }),
    );
    expect(words.title).toBe('Ada merged Armed Forces into Russia');
    expect(words.details).toEqual([
      'removed Armed Forces (Organization)',
      'Russia: aliases + Armed Forces',
      'relations added: 5 co occurs, 2 supplies',
      'relations removed: 2 supplies',
    ]);
  });

  it('says a rename from the old name to the new one', () => {
    const words = describeCuration(
      entry({
        diff: {
          ...EMPTY_DIFF,
          entitiesChanged: [
            {
              id: 'state:russia',
              name: 'Russian Federation',
              changes: { name: { before: 'Russia', after: 'Russian Federation' } },
            },
          ],
        },
      }),
    );
    expect(words.title).toBe('Ada renamed Russia to Russian Federation');
    expect(words.details).toEqual(['Russian Federation: name Russia → Russian Federation']);
  });

  it('says what a list gained and lost rather than repeating it whole', () => {
    const words = describeCuration(
      entry({
        kind: 'change-type',
        payload: { kind: 'change-type', entityId: 'organization:kremlin', type: 'State' },
        diff: {
          ...EMPTY_DIFF,
          entitiesChanged: [
            {
              id: 'organization:kremlin',
              name: 'Kremlin',
              changes: { labels: { before: ['Entity', 'Organization'], after: ['Entity', 'State'] } },
            },
          ],
        },
      }),
    );
    expect(words.title).toBe('Ada made Kremlin a State');
    expect(words.details).toEqual(['Kremlin: labels + State − Organization']);
  });

  it('shows encoded integers as numbers and leaves bookkeeping properties out', () => {
    const words = describeCuration(
      entry({
        diff: {
          ...EMPTY_DIFF,
          entitiesChanged: [
            {
              id: 'event:x',
              name: 'X',
              changes: {
                year: { before: { $int: '2023' }, after: { $int: '2024' } },
                updatedAt: { before: 'a', after: 'b' },
              },
            },
          ],
        },
      }),
    );
    expect(words.details).toEqual(['X: year 2023 → 2024']);
  });

  it('quotes the note of a disputed relation and the source of an added one', () => {
    expect(
      describeCuration(
        entry({
          kind: 'dispute-relation',
          payload: { kind: 'dispute-relation', relationId: 'rel-1', note: 'one source' },
        }),
      ).title,
    ).toBe('Ada disputed relation rel-1: one source');
    expect(
      describeCuration(
        entry({
          kind: 'add-relation',
          payload: { kind: 'add-relation', type: 'SUPPLIES', sourceId: 'a', targetId: 'b', sourceNote: 'Reuters' },
        }),
      ).title,
    ).toBe('Ada added supplies from a to b (source: Reuters)');
  });
});

describe('what a curation touched', () => {
  it('lists the entities it names and the ones its diff created or deleted, once each', () => {
    const split = entry({
      kind: 'split-alias',
      payload: { kind: 'split-alias', entityId: 'person:kim', alias: 'Kim Yo Jong' },
      diff: {
        ...EMPTY_DIFF,
        entitiesCreated: [{ id: 'person:kim yo jong', name: 'Kim Yo Jong', type: 'Person' }],
        entitiesChanged: [{ id: 'person:kim', name: 'Kim', changes: {} }],
      },
    });
    expect(curationEntityIds(split)).toEqual(['person:kim', 'person:kim yo jong']);
    expect(curationRelationId(split)).toBeNull();
    expect(curationRelationId(entry({ payload: { kind: 'delete-relation', relationId: 'rel-9' } }))).toBe('rel-9');
  });
});

describe('the entry an Undo button belongs on', () => {
  it('is the newest entry not undone, when this workshop made it', () => {
    const log = [entry({ id: 'c1', seq: 1 }), entry({ id: 'c3', seq: 3, undone: true }), entry({ id: 'c2', seq: 2 })];
    expect(undoableEntry(log, 'ws-1')?.id).toBe('c2');
    expect(undoableEntry(log, 'ws-other')).toBeNull();
    expect(undoableEntry([entry({ undone: true })], 'ws-1')).toBeNull();
  });
});
