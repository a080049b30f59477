/**
 * What the NLP engine says about one sentence: tokens with lemma, Penn part-of-speech tag, OntoNotes
 * named-entity tag (BILOU) and a dependency parse (ClearNLP labels: nsubj, dobj, prep, pobj, agent, conj,
 * appos, poss, compound, relcl, neg, aux …). Offsets are absolute in the document text.
 */
export interface EngineToken {
  /** 0-based index within the sentence. */
  index: number;
  start: number;
  end: number;
  text: string;
  lemma: string;
  pos: string;
  /** BILOU tag: U-ORG, B-PERSON, I-PERSON, L-PERSON, O. */
  ner: string;
  /** Index of the head token within the sentence; -1 for the root. */
  head: number;
  label: string;
}

export interface EngineSentence {
  tokens: EngineToken[];
}

/** A named-entity span the engine found, with its OntoNotes type (PERSON, ORG, GPE, LOC, NORP, FAC, LAW …). */
export interface EngineEntity {
  type: string;
  start: number;
  end: number;
  text: string;
}

/**
 * Parses the engine's tab-separated answer for the given sentences (start offset and text each). A
 * malformed answer throws: it means the engine and this parser disagree, never bad user input.
 */
export function parseAnnotation(answer: string, sentences: Array<{ start: number; text: string }>): EngineSentence[] {
  const out: EngineSentence[] = [];
  let tokens: EngineToken[] = [];
  const lines = answer.split('\n');
  // The answer ends with the empty line of the last sentence, then the final newline.
  if (lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) {
    if (line === '') {
      out.push({ tokens });
      tokens = [];
      continue;
    }
    const s = sentences[out.length];
    const f = line.split('\t');
    if (!s || f.length !== 7)
      throw new Error(`engine answer line ${out.length + 1} is malformed: ${line.slice(0, 80)}`);
    const start = Number(f[0]);
    const end = Number(f[1]);
    tokens.push({
      index: tokens.length,
      start: s.start + start,
      end: s.start + end,
      text: s.text.slice(start, end),
      lemma: f[2],
      pos: f[3],
      ner: f[4],
      head: Number(f[5]) - 1,
      label: f[6],
    });
  }
  if (out.length !== sentences.length)
    throw new Error(`engine answered ${out.length} sentences for ${sentences.length}`);
  return out;
}

/** Groups BILOU tags into spans. */
export function entitySpans(sentence: EngineSentence, text: string): EngineEntity[] {
  const spans: EngineEntity[] = [];
  let open: { type: string; first: number } | undefined;
  const close = (last: number) => {
    if (!open) return;
    const a = sentence.tokens[open.first];
    const b = sentence.tokens[last];
    spans.push({
      type: open.type,
      start: a.start,
      end: b.end,
      text: text.slice(a.start, b.end),
    });
    open = undefined;
  };
  sentence.tokens.forEach((t, i) => {
    const [tag, type] = t.ner.length > 2 && t.ner[1] === '-' ? [t.ner[0], t.ner.slice(2)] : ['O', ''];
    if (tag === 'U') {
      close(i - 1);
      open = { type, first: i };
      close(i);
    } else if (tag === 'B') {
      close(i - 1);
      open = { type, first: i };
    } else if (tag === 'I') {
      if (!open || open.type !== type) {
        close(i - 1);
        open = { type, first: i };
      }
    } else if (tag === 'L') {
      if (!open || open.type !== type) open = { type, first: i };
      close(i);
    } else close(i - 1);
  });
  close(sentence.tokens.length - 1);
  return spans;
}

/** The engine token covering a document offset, if the sentence has one there. */
export function tokenAtOffset(sentence: EngineSentence, offset: number): EngineToken | undefined {
  return sentence.tokens.find((t) => t.start <= offset && offset < t.end);
}

/** Labels by which a word belongs to the noun phrase of its head ("a short-lived armed mutiny"). */
const NOUN_MODIFIERS = new Set([
  'amod',
  'compound',
  'nn',
  'nmod',
  'hmod',
  'hyph',
  'nummod',
  'num',
  'npadvmod',
  'advmod',
]);

/** Whether the token at `offset` modifies the noun at `headOffset`, directly or through another modifier. */
export function modifiesNoun(sentence: EngineSentence, offset: number, headOffset: number): boolean {
  const head = tokenAtOffset(sentence, headOffset);
  let t = tokenAtOffset(sentence, offset);
  for (let hops = 0; t && head && hops < 4; hops++) {
    if (!NOUN_MODIFIERS.has(t.label) || t.head < 0) return false;
    if (t.head === head.index) return true;
    t = sentence.tokens[t.head];
  }
  return false;
}

/**
 * Whether the expression at `offset` (a date) is attached to the noun at `headOffset` or to the verb that
 * takes that noun as its object: "a mutiny … in June", "led a mutiny against X in June", "hosted them for a
 * meeting on June 29".
 */
export function attachedTo(sentence: EngineSentence, offset: number, headOffset: number): boolean {
  const noun = tokenAtOffset(sentence, headOffset);
  if (!noun) return false;
  const anchors = new Set([noun.index]);
  let up = noun;
  // from the noun up through its preposition ("for a meeting") to the verb that governs it
  for (let hops = 0; hops < 2 && up.head >= 0; hops++) {
    if (!['dobj', 'pobj', 'prep', 'nsubjpass', 'attr', 'oprd'].includes(up.label)) break;
    up = sentence.tokens[up.head];
    if (up.pos.startsWith('VB')) {
      anchors.add(up.index);
      break;
    }
  }
  let t = tokenAtOffset(sentence, offset);
  for (let hops = 0; t && hops < 4 && t.head >= 0; hops++) {
    if (anchors.has(t.head)) return ['prep', 'pobj', 'npadvmod', 'tmod', 'nmod'].includes(t.label);
    t = sentence.tokens[t.head];
  }
  return false;
}
