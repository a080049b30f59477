import { Text } from '@codemirror/state';
import { completionContext } from '../../../client/cypher/completion-context';
import { errorRange } from '../../../client/cypher/console-editor';

/** The context at the `|` cursor mark of `source`. */
function at(source: string) {
  const pos = source.indexOf('¦');
  return completionContext(source.replace('¦', ''), pos);
}

describe('what the word at the cursor can be', () => {
  it('is a label after a colon in a node pattern, or after n: in a WHERE', () => {
    expect(at('MATCH (p:Pe¦')).toEqual({ kind: 'label', from: 9, prefix: 'Pe' });
    expect(at('MATCH (p:¦')).toEqual({ kind: 'label', from: 9, prefix: '' });
    expect(at('MATCH (p) WHERE p:St¦')?.kind).toBe('label');
    expect(at('MATCH (p:Person|St¦')?.kind).toBe('label');
  });

  it('is a relationship type after a colon or a bar inside brackets', () => {
    expect(at('MATCH (a)-[r:ME¦')).toEqual({ kind: 'relationshipType', from: 13, prefix: 'ME' });
    expect(at('MATCH (a)-[:MET_WITH|LE¦]->(b)')?.kind).toBe('relationshipType');
    // a bracket closed before the cursor no longer counts
    expect(at('MATCH (a)-[r]->(b:St¦')?.kind).toBe('label');
  });

  it('is a property key after a dot or as a key of a pattern map', () => {
    expect(at('MATCH (p) RETURN p.na¦')).toEqual({ kind: 'propertyKey', from: 19, prefix: 'na' });
    expect(at('MATCH (p:Person {na¦')?.kind).toBe('propertyKey');
    expect(at("MATCH (p:Person {name: 'x', ty¦")?.kind).toBe('propertyKey');
  });

  it('is nothing inside a string, after a map key colon, a number or a parameter', () => {
    expect(at("MATCH (p {name: 'Kim:Jo¦")).toBeNull();
    expect(at('MATCH (p {name:¦')).toBeNull();
    expect(at('RETURN $na¦')).toBeNull();
    expect(at('RETURN 1e¦')).toBeNull();
  });

  it('is a keyword elsewhere', () => {
    expect(at('MATCH (p) RET¦')).toEqual({ kind: 'keyword', from: 10, prefix: 'RET' });
    expect(at('// a comment with (p:\nMAT¦')?.kind).toBe('keyword');
  });
});

describe('the range the console marks for an error', () => {
  const doc = Text.of(['MATCH (n:Person)', 'RETRN n']);

  it('covers the word that starts at the line and column', () => {
    expect(errorRange(doc, 2, 1)).toEqual({ from: 17, to: 22 });
  });

  it('marks one character where no word starts, and the last character past the line end', () => {
    expect(errorRange(doc, 1, 7)).toEqual({ from: 6, to: 7 });
    expect(errorRange(doc, 1, 40)).toEqual({ from: 15, to: 16 });
  });
});
