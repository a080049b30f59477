/**
 * Finds a fixed set of literal forms in text, case-sensitively, on word boundaries (no letter or digit just
 * before or after), scanning left to right and taking the longest form at each position: exactly what
 * `/(?<![\p{L}\p{N}])(?:longest|…|short)(?![\p{L}\p{N}])/gu` finds. That regex tried its thousands of
 * alternatives one by one at every position of every sentence; here a position is only tried against the
 * forms that start with its two characters.
 */
export interface FormMatch {
  form: string;
  start: number;
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;

function isWordCodePoint(code: number): boolean {
  if (code < 0x80) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
  return WORD_CHAR.test(String.fromCodePoint(code));
}

/** Whether the code point that ends just before `index` is a letter or digit. */
function wordBefore(text: string, index: number): boolean {
  if (index === 0) return false;
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return isWordCodePoint(text.codePointAt(index - 2)!);
  }
  return isWordCodePoint(low);
}

/** Whether the code point that starts at `index` is a letter or digit. */
function wordAt(text: string, index: number): boolean {
  return index < text.length && isWordCodePoint(text.codePointAt(index)!);
}

export function formMatcher(forms: Iterable<string>): (text: string) => FormMatch[] {
  // Forms of one or no character would need other buckets; none of the callers has them.
  const byStart = new Map<number, string[]>();
  const firsts = new Set<number>();
  const sorted = [...forms].sort((a, b) => b.length - a.length);
  for (const form of sorted) {
    if (form.length < 2) throw new Error(`formMatcher: form "${form}" is shorter than two characters`);
    firsts.add(form.charCodeAt(0));
    const key = form.charCodeAt(0) * 0x10000 + form.charCodeAt(1);
    const bucket = byStart.get(key);
    if (bucket) bucket.push(form);
    else byStart.set(key, [form]);
  }
  return (text) => {
    const out: FormMatch[] = [];
    let at = 0;
    while (at < text.length - 1) {
      let matched: string | undefined;
      if (firsts.has(text.charCodeAt(at)) && !wordBefore(text, at)) {
        const bucket = byStart.get(text.charCodeAt(at) * 0x10000 + text.charCodeAt(at + 1));
        matched = bucket?.find((form) => text.startsWith(form, at) && !wordAt(text, at + form.length));
      }
      if (matched) {
        out.push({ form: matched, start: at });
        at += matched.length;
      } else at++;
    }
    return out;
  };
}
