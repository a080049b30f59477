import type { PathsResponse } from '../../../graph/model/api-types';
import {
  DEFAULT_PATH_OPTIONS,
  INITIAL_PATHS,
  clearPaths,
  hopsOf,
  noPathMessage,
  pathHighlight,
  pathsAnswered,
  setPathEnd,
  showPath,
} from '../../../client/paths/path-state';

const edge = (id: string, source: string, target: string) => ({ id, type: 'MET_WITH', source, target, attributes: {} });
const result: PathsResponse = {
  nodes: [],
  edges: [edge('e1', 'a', 'b'), edge('e2', 'c', 'b'), edge('e3', 'a', 'd'), edge('e4', 'd', 'c')],
  paths: [
    { nodes: ['a', 'b', 'c'], edges: ['e1', 'e2'] },
    { nodes: ['a', 'd', 'c'], edges: ['e3', 'e4'] },
  ],
};

describe('the path state', () => {
  it('emphasises every path, or the one shown alone', () => {
    const found = pathsAnswered(result, null)(INITIAL_PATHS);
    expect([...pathHighlight(found).nodes].sort()).toEqual(['a', 'b', 'c', 'd']);
    const one = showPath(1)(found);
    expect([...pathHighlight(one).edges]).toEqual(['e3', 'e4']);
    expect(pathHighlight(clearPaths()(one)).nodes.size).toBe(0);
  });

  it('tells each hop which way its relation points', () => {
    expect(hopsOf(result.paths[0], result.edges).map((h) => [h.from, h.to, h.forward])).toEqual([
      ['a', 'b', true],
      ['b', 'c', false],
    ]);
  });

  it('answers "none" for an empty answer, keeping the ends to ask again', () => {
    const ends = setPathEnd('to', { id: 'c', name: 'C' })(setPathEnd('from', { id: 'a', name: 'A' })(INITIAL_PATHS));
    const none = pathsAnswered({ nodes: [], edges: [], paths: [] }, 'no path')(ends);
    expect(none.status).toBe('none');
    expect(none.from?.id).toBe('a');
    expect(none.result).toBeNull();
  });

  it('says what to try when two entities are not connected under the options', () => {
    expect(noPathMessage('A', 'B', DEFAULT_PATH_OPTIONS)).toBe(
      'A and B are not connected within 4 hops. Try more hops (up to 6), or paths through documents.',
    );
    expect(noPathMessage('A', 'B', { maxHops: 6, relTypes: [], throughDocuments: true })).toBe(
      'A and B are not connected within 6 hops.',
    );
  });
});
