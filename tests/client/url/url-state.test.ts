import { EMPTY_FILTERS } from '../../../client/filters/filters';
import { EMPTY_URL_VIEW, decodeUrlView, encodeUrlView, type UrlView } from '../../../client/url/url-state';

describe('the view in the URL', () => {
  it('round-trips loaded nodes, selection, filters, sizing and colouring, and camera', () => {
    const view: UrlView = {
      nodes: ['person:sergei-shoigu', 'state:russia', 'event:moscow-conference-2023'],
      positions: [
        { x: 1.25, y: -3 },
        { x: 100.04, y: 7 },
        { x: 0, y: 0 },
      ],
      hidden: ['state:russia'],
      selection: { kind: 'node', id: 'person:sergei-shoigu' },
      filters: {
        hiddenNodeTypes: ['Place'],
        hiddenRelationTypes: ['CO_OCCURS'],
        documents: ['doc-0123456789abcdef'],
        dateRange: { from: '2014', to: '2023-08' },
        dateLane: 'reported',
      },
      appearance: { sizeBy: 'pagerank', colourBy: 'community' },
      camera: { x: 0.51234567, y: 0.5, ratio: 0.8 },
    };
    const decoded = decodeUrlView(encodeUrlView(view));
    expect(decoded).toEqual({
      ...view,
      positions: [
        { x: 1.3, y: -3 },
        { x: 100, y: 7 },
        { x: 0, y: 0 },
      ],
      camera: { x: 0.5123, y: 0.5, ratio: 0.8 },
    });
  });

  it('encodes the default overview as an empty hash', () => {
    expect(encodeUrlView(EMPTY_URL_VIEW)).toBe('');
    expect(decodeUrlView('')).toEqual(EMPTY_URL_VIEW);
  });

  it('keeps ids with reserved characters intact', () => {
    const view = { ...EMPTY_URL_VIEW, nodes: ['a,b&c=d#e'], selection: { kind: 'edge' as const, id: 'rel:1&2' } };
    expect(decodeUrlView(encodeUrlView(view))).toMatchObject({
      nodes: ['a,b&c=d#e'],
      selection: { kind: 'edge', id: 'rel:1&2' },
    });
  });

  it('drops positions that do not match the node list', () => {
    expect(decodeUrlView('#nodes=a,b&pos=1,2,3').positions).toBeNull();
  });

  it('ignores parts it cannot read instead of failing', () => {
    const decoded = decodeUrlView('#sel=weird:x&cam=1,NaN,2&dates=yesterday,today&nodes=%E0%A4%A,ok');
    expect(decoded.selection).toBeNull();
    expect(decoded.camera).toBeNull();
    expect(decoded.filters).toEqual(EMPTY_FILTERS);
    expect(decodeUrlView('#size=shoe&colour=mauve').appearance).toEqual(EMPTY_URL_VIEW.appearance);
    expect(decoded.nodes).toEqual(['ok']);
  });
});
