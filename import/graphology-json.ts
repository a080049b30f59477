/**
 * The extracted graph as graphology's serialisation (`graph.export()`): node attributes `name`, `type`,
 * `aliases` plus type-specific ones; edge attributes `type`, `evidence`, `confidence`. Evidence entries
 * name the document by file name (`document`) and by id (`documentId`). The same entity or fact from
 * several documents is one node or one edge.
 */
import Graph from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import type { ExtractedDocument } from '../graph/model/types';
import { SYMMETRIC_RELATION_TYPES } from '../graph/model/types';

export interface JsonOptions {
  includeDocuments?: boolean;
}

export function toGraphologyJson(docs: ExtractedDocument[], options: JsonOptions = {}): SerializedGraph {
  const graph = new Graph({ type: 'mixed', multi: true, allowSelfLoops: false });
  const fileOf = new Map(docs.map((d) => [d.document.id, d.document.fileName]));
  for (const d of docs) {
    for (const e of d.entities) {
      const mentions = e.mentions.map((m) => ({
        document: fileOf.get(m.document) ?? m.document,
        documentId: m.document,
        start: m.start,
        end: m.end,
        text: m.text,
      }));
      if (!graph.hasNode(e.id)) {
        graph.addNode(e.id, { ...e.attributes, name: e.name, type: e.type, aliases: [...e.aliases], mentions });
      } else {
        const cur = graph.getNodeAttributes(e.id) as Record<string, unknown> & {
          aliases: string[];
          mentions: unknown[];
        };
        const aliases = [...new Set([...cur.aliases, ...e.aliases])].filter((a) => a !== cur.name);
        graph.mergeNodeAttributes(e.id, { ...e.attributes, ...cur, aliases, mentions: [...cur.mentions, ...mentions] });
      }
    }
    if (options.includeDocuments) {
      const doc = d.document;
      graph.mergeNode(doc.id, {
        name: doc.title,
        type: 'Document',
        fileName: doc.fileName,
        path: doc.path,
        published: doc.published,
        source: doc.source,
        url: doc.url,
        wordCount: doc.wordCount,
      });
    }
  }
  for (const d of docs) {
    for (const r of d.relations) {
      const evidence = r.evidence.map((ev) => ({
        document: fileOf.get(ev.document) ?? ev.document,
        documentId: ev.document,
        text: ev.text,
        start: ev.start,
        end: ev.end,
      }));
      if (graph.hasEdge(r.id)) {
        const cur = graph.getEdgeAttributes(r.id) as { evidence: typeof evidence; confidence: number };
        const merged = [...cur.evidence];
        for (const ev of evidence)
          if (!merged.some((x) => x.documentId === ev.documentId && x.start === ev.start)) merged.push(ev);
        graph.mergeEdgeAttributes(r.id, {
          evidence: merged,
          confidence: Math.min(
            0.99,
            Math.max(cur.confidence, r.confidence) + 0.02 * (merged.length - cur.evidence.length),
          ),
        });
      } else {
        const attrs = { ...r.attributes, type: r.type, evidence, confidence: r.confidence };
        if (SYMMETRIC_RELATION_TYPES.has(r.type)) graph.addUndirectedEdgeWithKey(r.id, r.source, r.target, attrs);
        else graph.addDirectedEdgeWithKey(r.id, r.source, r.target, attrs);
      }
    }
  }
  return graph.export();
}
