// Compact text encoding of posting lists for the prebuilt related-story index (issue #5).
// JSON arrays of numbers parse at a fraction of the speed of one long string, and a 100k-story index has millions of
// postings, so each list is stored as a string of variable-length base-32 digits and decoded only when a query
// first touches it. Every character is JSON-safe, so the string needs no escaping.

// 32 "more digits follow" symbols and 32 "last digit" symbols; low 5 bits first.
const MORE = '0123456789ABCDEFGHIJKLMNOPQRSTUV';
const LAST = 'WXYZabcdefghijklmnopqrstuvwxyz!#';
const VALUE = new Int8Array(128).fill(-1);
const IS_LAST = new Uint8Array(128);
for (let i = 0; i < 32; i++) {
  VALUE[MORE.charCodeAt(i)] = i;
  VALUE[LAST.charCodeAt(i)] = i;
  IS_LAST[LAST.charCodeAt(i)] = 1;
}

function push(out: string[], v: number): void {
  while (v >= 32) {
    out.push(MORE[v & 31]!);
    v = Math.floor(v / 32);
  }
  out.push(LAST[v]!);
}

/** Ascending doc numbers → gap-encoded string. */
export function encodeDocs(docs: ArrayLike<number>): string {
  const out: string[] = [];
  let prev = 0;
  for (let i = 0; i < docs.length; i++) {
    push(out, docs[i]! - prev);
    prev = docs[i]!;
  }
  return out.join('');
}

/** (doc, tf) pairs with ascending docs → string: gap*2 + (tf > 1), then tf when flagged. Most tf are 1. */
export function encodePairs(pairs: ArrayLike<number>): string {
  const out: string[] = [];
  let prev = 0;
  for (let i = 0; i < pairs.length; i += 2) {
    const d = pairs[i]!;
    const tf = pairs[i + 1]!;
    push(out, (d - prev) * 2 + (tf > 1 ? 1 : 0));
    if (tf > 1) push(out, tf);
    prev = d;
  }
  return out.join('');
}

/** Calls `f` with each number of an encoded string (a loop, not a generator: this is the hot path of a load). */
function each(s: string, f: (v: number) => void): void {
  let v = 0;
  let mul = 1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const x = c < 128 ? VALUE[c]! : -1;
    if (x < 0) throw new Error(`bad posting character ${JSON.stringify(s[i])}`);
    v += x * mul;
    if (IS_LAST[c]) {
      f(v);
      v = 0;
      mul = 1;
    } else mul *= 32;
  }
}

export function decodeDocs(s: string): number[] {
  const out: number[] = [];
  let prev = 0;
  each(s, (g) => { out.push((prev += g)); });
  return out;
}

export function decodePairs(s: string): number[] {
  const out: number[] = [];
  let prev = 0;
  let wantTf = false;
  each(s, (v) => {
    if (wantTf) {
      out[out.length - 1] = v;
      wantTf = false;
      return;
    }
    prev += Math.floor(v / 2);
    out.push(prev, 1);
    wantTf = (v & 1) === 1;
  });
  return out;
}
