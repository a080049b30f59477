/** Word tokens with offsets, shared by the recognise and relate stages. */
export interface Token {
  text: string;
  start: number; // offset into the document text
  end: number;
  possessive: boolean; // followed by ’s / 's / ’
  lower: string;
}

const TOKEN = /(?:\p{Lu}\.){2,}|\p{Lu}\.(?=\s\p{Lu})|[\p{L}\p{N}]+(?:[-–](?!(?:\p{Lu}\.){2})[\p{L}\p{N}]+)*/gu;

export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 3);
    const poss = /^[’']s(?![\p{L}])/u.test(after) || (/^[’'](?![\p{L}])/u.test(after) && /s$|\.$/.test(m[0]));
    if (/^s$/.test(m[0]) && /[’']$/.test(text.slice(0, m.index))) continue; // the "s" of "’s"
    tokens.push({
      text: m[0],
      start: offset + m.index,
      end: offset + m.index + m[0].length,
      possessive: poss,
      lower: m[0].toLowerCase(),
    });
  }
  return tokens;
}

/** The text between two tokens (exclusive), from the document text. */
export function gap(text: string, a: Token, b: Token): string {
  return text.slice(a.end, b.start);
}

export function isCapitalised(token: Token): boolean {
  return /^\p{Lu}/u.test(token.text) && /\p{L}/u.test(token.text);
}
