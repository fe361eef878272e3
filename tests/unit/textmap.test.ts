import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import type { TextSegment } from '../../src/core/extract';
import { offsetAt, rangeFor } from '../../src/core/textmap';

// Hand-built segments over three Text nodes, as extract.ts would make them for
//   <p>Ilham <b>Aliyev</b> met</p><p>Nikol\nPashinyan</p>
// text: "Ilham Aliyev met\n\nNikol Pashinyan"
//        0     6     12  16 18    24
function fixture() {
  const { document } = parseHTML('<html><body><p>Ilham <b>Aliyev</b> met</p><p>Nikol\nPashinyan</p></body></html>');
  const [p1, p2] = Array.from(document.querySelectorAll('p'));
  const ilham = p1!.firstChild as unknown as Text; // "Ilham "
  const aliyev = p1!.querySelector('b')!.firstChild as unknown as Text; // "Aliyev"
  const met = p1!.lastChild as unknown as Text; // " met"
  const nikol = p2!.firstChild as unknown as Text; // "Nikol\nPashinyan"
  const text = 'Ilham Aliyev met\n\nNikol Pashinyan';
  const segments: TextSegment[] = [
    { start: 0, node: ilham, nodeStart: 0, length: 6 },
    { start: 6, node: aliyev, nodeStart: 0, length: 6 },
    { start: 12, node: met, nodeStart: 0, length: 4 },
    // "\n\n" at 16..18 has no segment; "Nikol" then a collapsed "\n" without segment, then "Pashinyan"
    { start: 18, node: nikol, nodeStart: 0, length: 5 },
    { start: 24, node: nikol, nodeStart: 6, length: 9 },
  ];
  return { text, segments, ilham, aliyev, met, nikol };
}

describe('rangeFor', () => {
  it('maps a range inside one segment', () => {
    const { segments, aliyev } = fixture();
    expect(rangeFor(segments, 7, 10)).toEqual({ startNode: aliyev, startOffset: 1, endNode: aliyev, endOffset: 4 });
  });

  it('spans contiguous segments of different nodes', () => {
    const { segments, ilham, aliyev, text } = fixture();
    expect(text.slice(0, 12)).toBe('Ilham Aliyev');
    expect(rangeFor(segments, 0, 12)).toEqual({ startNode: ilham, startOffset: 0, endNode: aliyev, endOffset: 6 });
  });

  it('bridges a collapsed-whitespace gap inside one node', () => {
    const { segments, nikol, text } = fixture();
    expect(text.slice(18, 33)).toBe('Nikol Pashinyan');
    expect(rangeFor(segments, 18, 33)).toEqual({ startNode: nikol, startOffset: 0, endNode: nikol, endOffset: 15 });
  });

  it('refuses ranges touching text without a segment', () => {
    const { segments } = fixture();
    expect(rangeFor(segments, 14, 20)).toBeNull(); // crosses the "\n\n" block separator
    expect(rangeFor(segments, 16, 18)).toBeNull(); // the separator itself
    expect(rangeFor(segments, 23, 24)).toBeNull(); // the unsegmented space inside "Nikol Pashinyan"
    expect(rangeFor(segments, 20, 24)).toBeNull(); // ends inside that gap
    expect(rangeFor(segments, 30, 40)).toBeNull(); // runs past the end
    expect(rangeFor(segments, 5, 5)).toBeNull(); // empty
    expect(rangeFor([], 0, 1)).toBeNull();
  });

  it('binary search finds the right segment among many', () => {
    const { document } = parseHTML('<html><body><p>x</p></body></html>');
    const node = document.createTextNode('abcdefghij'.repeat(1000)) as unknown as Text;
    const segments: TextSegment[] = [];
    for (let i = 0; i < 1000; i++) segments.push({ start: i * 12, node, nodeStart: i * 10, length: 10 });
    expect(rangeFor(segments, 12 * 537 + 3, 12 * 537 + 8)).toEqual({ startNode: node, startOffset: 5373, endNode: node, endOffset: 5378 });
    expect(rangeFor(segments, 12 * 537 + 10, 12 * 537 + 11)).toBeNull();
  });
});

describe('offsetAt', () => {
  it('inverts rangeFor positions', () => {
    const { segments, ilham, aliyev, met, nikol } = fixture();
    expect(offsetAt(segments, ilham, 0)).toBe(0);
    expect(offsetAt(segments, aliyev, 3)).toBe(9);
    expect(offsetAt(segments, met, 1)).toBe(13);
    expect(offsetAt(segments, nikol, 8)).toBe(26);
  });

  it('maps a caret at the end of a segment to its end, and unknown positions to null', () => {
    const { segments, aliyev, nikol } = fixture();
    expect(offsetAt(segments, aliyev, 6)).toBe(12);
    expect(offsetAt(segments, nikol, 5)).toBe(23); // just after "Nikol"
    const { document } = parseHTML('<html><body><p>other</p></body></html>');
    expect(offsetAt(segments, document.querySelector('p')!.firstChild as unknown as Text, 0)).toBeNull();
    expect(offsetAt(segments, aliyev, 40)).toBeNull();
  });
});
