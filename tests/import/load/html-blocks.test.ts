/**
 * The HTML walks hold no recursion and never ask an element for its ancestors: a tree as deep as memory
 * allows reads without overflowing the stack, and the depth check stops at its limit.
 */
import * as cheerio from 'cheerio';
import { markupDepth, outermostBlocks, textOf, type DomNode } from '../../../import/load/html-blocks';

function chain(depth: number): DomNode {
  const root: DomNode = { type: 'root', children: [] };
  let at = root;
  for (let i = 0; i < depth; i++) {
    const next: DomNode = { type: 'tag', name: i % 2 ? 'div' : 'blockquote', children: [{ type: 'text', data: 'x' }] };
    at.children!.push(next);
    at = next;
  }
  return root;
}

describe('html blocks', () => {
  it('reads the text of a tree 200,000 elements deep without overflowing the stack', () => {
    const root = chain(200_000);
    expect(textOf(root)).toHaveLength(200_000);
    // The outermost block holds all the others: one paragraph, not 100,000.
    expect(outermostBlocks(root)).toHaveLength(1);
  });

  it('gives the outermost blocks in document order, as the text a reader sees', () => {
    const $ = cheerio.load('<div><p>One <b>bold</b></p><ul><li>Two <p>inside</p></li></ul><td>Three</td></div>', {
      xml: { xmlMode: false, decodeEntities: true },
    });
    const blocks = outermostBlocks($.root().get(0)!).map((b) => textOf(b));
    expect(blocks).toEqual(['One bold', 'Two inside', 'Three']);
  });

  it('counts nesting on the raw markup: void elements, optional end tags, comments and scripts do not nest', () => {
    expect(markupDepth('<div><section><p>a<p>b<br><img src=x><li>c</section></div>', 100)).toBe(2);
    expect(markupDepth('<div><!-- <div><div><div> --><script>"<div><div>"</script></div>', 100)).toBe(1);
    expect(markupDepth('<div/><div/><div/>', 100)).toBe(0);
    expect(markupDepth('<DIV><Div>'.repeat(3), 100)).toBe(6);
  });

  it('stops counting past its limit, and at a comment that never ends', () => {
    expect(markupDepth('<div>'.repeat(1_000_000), 256)).toBe(257);
    expect(markupDepth('<div><!-- <div><div>', 256)).toBe(1);
  });
});
