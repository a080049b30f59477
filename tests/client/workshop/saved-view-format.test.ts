import type { SavedView } from '../../../graph/workshop/types';
import { EMPTY_PICTURE, type ViewPicture } from '../../../client/state/view-picture';
import { pictureOfSavedView, restoreMessage, viewBodyOf } from '../../../client/workshop/saved-view-format';

const saved = (body: Partial<SavedView>): SavedView => ({
  id: 'v1',
  workshopId: 'w1',
  name: 'A view',
  description: '',
  nodeIds: [],
  positions: {},
  camera: null,
  filters: {},
  styling: {},
  notes: '',
  author: 'Ada',
  authorId: 'p1',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...body,
});

describe('the saved view format', () => {
  it('gives back the picture it was made from', () => {
    const picture: ViewPicture = {
      nodeIds: ['state:russia', 'person:sergei-shoigu'],
      positions: { 'state:russia': { x: 1, y: 2 }, 'person:sergei-shoigu': { x: -3, y: 4 } },
      hidden: ['state:russia'],
      selection: { kind: 'node', id: 'person:sergei-shoigu' },
      selectedNodes: ['person:sergei-shoigu', 'state:russia'],
      filters: {
        hiddenNodeTypes: ['Place'],
        hiddenRelationTypes: ['CO_OCCURS'],
        documents: [],
        dateRange: { from: '2014', to: '2023' },
        dateLane: 'reported',
      },
      appearance: { sizeBy: 'pagerank', colourBy: 'community' },
      camera: { x: 0.5, y: 0.4, ratio: 0.7, angle: 0 },
    };
    const body = viewBodyOf(picture, 'Hubs');
    expect(body.styling.format).toBe(2);
    expect(pictureOfSavedView(saved(body))).toEqual({ picture, problems: [] });
  });

  it('opens a view saved before styling existed with what it has', () => {
    const { picture, problems } = pictureOfSavedView(
      saved({ nodeIds: ['state:russia'], filters: { hiddenNodeTypes: ['Event'] }, styling: {} }),
    );
    expect(problems).toEqual([]);
    expect(picture).toEqual({
      ...EMPTY_PICTURE,
      nodeIds: ['state:russia'],
      filters: { ...EMPTY_PICTURE.filters, hiddenNodeTypes: ['Event'] },
    });
  });

  it('names each field it cannot read and keeps the others, and a filter it does not know', () => {
    const { picture, problems } = pictureOfSavedView(
      saved({
        filters: { dateRange: 'last spring', hiddenNodeTypes: ['Place'], newerFilter: [1] },
        styling: {
          format: 2,
          hidden: 'all',
          selection: { kind: 'node', id: 'state:russia' },
          appearance: { sizeBy: 'shoe' },
        },
      }),
    );
    expect(problems).toEqual(['the date filter', 'sizing and colouring', 'the hidden nodes']);
    expect(picture.filters).toMatchObject({ dateRange: null, hiddenNodeTypes: ['Place'], newerFilter: [1] });
    expect(picture.selection).toEqual({ kind: 'node', id: 'state:russia' });
    expect(picture.selectedNodes).toEqual(['state:russia']);
    expect(picture.hidden).toEqual([]);
  });

  it('says what did not come back in one sentence, or nothing', () => {
    expect(restoreMessage('Hubs', [], 0)).toBeNull();
    expect(restoreMessage('Hubs', ['the date filter'], 2)).toBe(
      'Opened "Hubs" without the date filter, 2 entities no longer in the database.',
    );
  });
});
