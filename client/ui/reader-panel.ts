/**
 * The document reader: the text as cleaning kept it, every recognised mention marked and clickable
 * (it focuses the entity), and the evidence sentence highlighted and scrolled into view. Text only.
 */
import type { DocumentDetails } from '../../graph/model/api-types';
import type { DossierApp, ReaderTarget } from '../app';
import { plainMessage } from '../api/api-error';
import { nodeTypeStyle } from '../appearance/node-style';
import { locateSentence, readerSegments } from '../reader/reader-segments';
import { pageAt } from '../../graph/model/pages';
import { button, clear, el } from './dom';

export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export function createReaderPanel(app: DossierApp): HTMLElement {
  const element = el('section', { className: 'reader', attrs: { 'aria-label': 'Document reader' } });
  const cache = new Map<string, DocumentDetails>();
  let request = 0;

  function render(doc: DocumentDetails, target: ReaderTarget): void {
    clear(element);
    let highlight = target.highlight;
    if (!highlight && target.sentence) highlight = locateSentence(doc.text, target.sentence, target.around ?? 0);
    const url = safeHttpUrl(doc.url);
    element.append(
      el('header', { className: 'reader-header' }, [
        button('← Back to details', () => app.closeReader(), { className: 'link back' }),
        el('h2', { className: 'reader-title', text: doc.title }),
        el('p', { className: 'reader-meta' }, [
          doc.published ? el('span', { text: doc.published.slice(0, 10) }) : null,
          doc.source ? el('span', { text: doc.source }) : null,
          el('span', { text: `${doc.wordCount} words` }),
          doc.pageStarts ? el('span', { text: `${doc.pageStarts.length} pages` }) : null,
          highlight && doc.pageStarts
            ? el('span', {
                className: 'reader-page',
                text: `evidence on p. ${pageAt(doc.pageStarts, highlight.start)}`,
              })
            : null,
          url
            ? el('a', { text: 'original', attrs: { href: url, target: '_blank', rel: 'noopener noreferrer' } })
            : null,
        ]),
      ]),
    );
    const body = el('div', { className: 'reader-text' });
    let paragraph = el('p');
    body.append(paragraph);
    for (const segment of readerSegments(doc, highlight)) {
      if (segment.paragraphBreak) {
        paragraph = el('p');
        body.append(paragraph);
      }
      // Line breaks inside a kept range start new paragraphs too.
      const pieces = segment.text.split(/\n+/);
      pieces.forEach((piece, index) => {
        if (index > 0) {
          paragraph = el('p');
          body.append(paragraph);
        }
        if (!piece) return;
        let node: Node;
        if (segment.mention) {
          const mention = segment.mention;
          const style = nodeTypeStyle(mention.entityType);
          const m = el('button', {
            className: 'mention',
            text: piece,
            title: `${mention.entityType}: ${mention.entityName}`,
            attrs: { type: 'button' },
            dataset: { entity: mention.entityId },
          });
          m.style.setProperty('--type-color', style.color);
          m.addEventListener('click', () => void app.focusNode(mention.entityId));
          node = m;
        } else {
          node = document.createTextNode(piece);
        }
        if (segment.highlighted) {
          const mark = el('mark', { className: 'evidence-highlight' });
          mark.append(node);
          node = mark;
        }
        paragraph.append(node);
      });
    }
    element.append(body);
    element.scrollTop = 0;
    const first = body.querySelector('mark.evidence-highlight');
    if (first) requestAnimationFrame(() => first.scrollIntoView({ block: 'center' }));
  }

  async function show(target: ReaderTarget): Promise<void> {
    const id = ++request;
    clear(element);
    element.append(el('p', { className: 'hint', text: 'Opening the document…' }));
    try {
      let doc = cache.get(target.documentId);
      if (!doc) {
        doc = await app.api.document(target.documentId);
        cache.set(target.documentId, doc);
      }
      if (id === request) render(doc, target);
    } catch (error) {
      if (id !== request) return;
      clear(element);
      element.append(
        button('← Back to details', () => app.closeReader(), { className: 'link back' }),
        el('p', { className: 'error-text', text: plainMessage(error) }),
      );
    }
  }

  app.ui.subscribe((state, previous) => {
    if (state.reader && state.reader !== previous.reader) void show(state.reader);
  });
  return element;
}
