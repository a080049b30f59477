import { readShareLink, viewLink } from '../../../client/workshop/share-link';

describe('shareable view links', () => {
  it('names the workshop and the view in the query, without the current hash or query', () => {
    expect(viewLink('http://localhost:8080/?q=1#n=a,b', 'ws-1', 'view 2')).toBe(
      'http://localhost:8080/?workshop=ws-1&view=view+2',
    );
  });

  it('reads back what it wrote', () => {
    const link = new URL(viewLink('http://localhost:8080/', 'ws-1', 'view-2'));
    expect(readShareLink(link.search)).toEqual({ workshopId: 'ws-1', viewId: 'view-2' });
  });

  it('answers null without a workshop, and no view when none is named', () => {
    expect(readShareLink('?view=v')).toBeNull();
    expect(readShareLink('')).toBeNull();
    expect(readShareLink('?workshop=ws-1')).toEqual({ workshopId: 'ws-1', viewId: null });
  });
});
