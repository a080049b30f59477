/**
 * The text of an HTML tree in one pass each, without recursion: every walk keeps its own stack, so the call
 * stack never holds the tree's depth (cheerio's `.text()` recurses once per level), and a block is found by
 * walking down once instead of asking every element for its ancestors (`.parents(selector)` from every block
 * made a deep page quadratic: 0.4 MB of nested tags took 50 s).
 */

/** What the walks read of a parsed node (domhandler's nodes, as cheerio hands them out). */
export interface DomNode {
  type: string;
  name?: string;
  data?: string;
  children?: DomNode[];
}

/** Elements whose text is one paragraph of the article. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'li',
  'blockquote',
  'pre',
  'td',
  'figcaption',
]);

/** Elements that hold nothing (`<br>`) or whose end tag may be left out (`<li>`, `<p>`): they do not nest. */
const NOT_NESTING = new Set(
  'area base br col embed hr img input link meta param source track wbr p li dt dd option optgroup tr td th thead tbody tfoot colgroup rp rt'.split(
    ' ',
  ),
);
/** Elements whose content is text up to their end tag, not markup. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript']);

/**
 * How deep the markup's elements nest, counted on the raw text before any parser sees it, up to `limit + 1`
 * (the scan stops there). Both parsers cheerio offers keep their open elements in an array they shift at
 * every tag (parse5 scans it for scope, htmlparser2 `unshift`s), so a page nested 100,000 deep costs the
 * depth at every tag: 0.4 MB took 4 s, 10 MB never finished. Articles nest a few dozen deep. One pass with
 * `indexOf`: a comment or raw-text element that never ends ends the scan, so nothing is scanned twice.
 */
export function markupDepth(html: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let i = 0;
  while ((i = html.indexOf('<', i)) !== -1) {
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      if (end < 0) break;
      i = end + 3;
      continue;
    }
    const closing = html[i + 1] === '/';
    const name = /^[a-zA-Z][a-zA-Z0-9:-]*/.exec(html.slice(i + (closing ? 2 : 1), i + 40))?.[0].toLowerCase();
    const end = html.indexOf('>', i + 1);
    if (end < 0) break;
    i = end + 1;
    if (!name || NOT_NESTING.has(name)) continue;
    if (closing) depth = Math.max(0, depth - 1);
    else if (html[end - 1] !== '/') {
      if (RAW_TEXT.has(name)) {
        const endTag = new RegExp(`</${name}`, 'gi');
        endTag.lastIndex = i;
        if (!endTag.exec(html)) break;
        i = endTag.lastIndex - name.length - 2;
        continue;
      }
      if (++depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    }
  }
  return deepest;
}

/** The text nodes under `node`, joined in document order. */
export function textOf(node: DomNode): string {
  const parts: string[] = [];
  const stack: DomNode[] = [node];
  while (stack.length) {
    const current = stack.pop()!;
    if (current.type === 'text') parts.push(current.data ?? '');
    else if (current.children) for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i]);
  }
  return parts.join('');
}

/**
 * The outermost block elements under `root` (not `root` itself), in document order: a block inside another
 * belongs to the outer one's text, so the walk does not go into a block once it has found one.
 */
export function outermostBlocks(root: DomNode): DomNode[] {
  const blocks: DomNode[] = [];
  const stack: DomNode[] = [...(root.children ?? [])].reverse();
  while (stack.length) {
    const current = stack.pop()!;
    if (current.type === 'tag' && current.name && BLOCK_TAGS.has(current.name)) {
      blocks.push(current);
      continue;
    }
    const children = current.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return blocks;
}
