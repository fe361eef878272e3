// Marks aliases that are also common words or better-known other things (issue #3): the matcher needs context
// before it links them. The list is written here; each entry is a surface form, compared case-insensitively.
import { fold, type KbBuilder } from './builder';

export const AMBIGUOUS = [
  // countries
  'Turkey', 'Chad', 'Jordan', 'Georgia', 'Niger', 'Guinea', 'China', 'Japan', 'Cuba', 'Togo', 'Mali', 'Oman', 'Peru', 'Malta', 'Monaco',
  'Panama', 'Iceland', 'Dominica', 'Jersey', 'Guernsey', 'Man', 'Wales', 'Chile', 'Greenland',
  // cities and places
  'Nice', 'Reading', 'Mobile', 'Split', 'Bath', 'Derby', 'Orange', 'Victoria', 'Paris', 'Phoenix', 'Buffalo', 'Lincoln',
  'Washington', 'Columbus', 'Jackson', 'Madison', 'Austin', 'Florence', 'Valencia', 'Cologne', 'Santiago', 'Hamilton',
  'Kingston', 'Wellington', 'Sydney', 'Durban', 'Nancy', 'Troy', 'Sparta', 'Eugene', 'Norman', 'Aurora', 'Essex', 'Kent',
  'Worcester', 'Cork', 'Sale', 'Bury', 'Wells', 'Deal', 'March', 'Street', 'Gap', 'Bar', 'Post', 'Bonn',
  'Canberra', 'Ur', 'Mercury', 'Independence', 'Liberty', 'Concord', 'Providence', 'Mosul',
  // organisations and groups whose short names are words
  'WHO', 'Who', 'Hamas', 'Shell', 'Apple', 'Amazon', 'Target', 'Gap', 'Next', 'Sun', 'Mail', 'Times', 'Guardian', 'Express',
  'Independent', 'Mirror', 'Post', 'Labour', 'Conservative', 'Liberal', 'Democrat', 'Democrats', 'Republican', 'Republicans',
  'Green', 'Greens', 'Reform', 'Union', 'Congress', 'Parliament', 'Senate', 'Council', 'Commission', 'Assembly',
];

export function applyAmbiguity(b: KbBuilder): number {
  const set = new Set(AMBIGUOUS.map((s) => fold(s)));
  let n = 0;
  for (const a of b.actors.values()) {
    for (const al of a.aliases) {
      if (al.cs || al.amb) continue;
      if (set.has(fold(al.t))) { al.amb = true; n++; }
    }
  }
  return n;
}
