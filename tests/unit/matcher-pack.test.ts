import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Actor, KnowledgeBase } from '../../src/core/types';
import { buildAliasIndex, findMatches, matchText, seqTokens } from '../../src/core/matcher';
import { packAliasIndex, unpackAliasIndex } from '../../src/core/matcher-pack';
import { createLinker } from '../../src/core/linker';
import { tokenize } from '../../src/core/normalize';

const actor = (id: string, name: string, aliases: Actor['aliases'] = [], type: Actor['type'] = 'city'): Actor => ({ id, type, name, desc: '', aliases, facts: [] });
const kb: KnowledgeBase = {
  version: 1, built: '', sources: {},
  actors: [
    actor('bs:ny', 'New York'),
    actor('bs:nyc', 'New York City'),
    actor('bs:nk', 'Nagorno-Karabakh', [{ t: 'Karabakh', short: true }], 'region'),
    actor('bs:us', 'United States', [{ t: 'U.S.' }, { t: 'US', cs: true }], 'country'),
    actor('bs:ist', 'Istanbul', [{ t: 'İstanbul', lang: 'tr' }]),
    actor('bs:bj', 'Beijing', [{ t: '北京', lang: 'zh' }]),
    actor('bs:sh', 'al-Shabaab', [], 'organization'),
    actor('bs:strasse', 'Hauptstraße'),
  ],
};
const TEXT = 'In New York City, the U.S. and US envoys met al-Shabaab near Nagorno Karabakh; İSTANBUL and 北京 and Hauptstrasse. us';

const shape = (text: string, ms: ReturnType<typeof matchText>) => ms.map((m) => `${text.slice(m.start, m.end)}:${m.entries.join(',')}`);

describe('packed alias index', () => {
  it('matches exactly like the index it was packed from, after a JSON round trip', () => {
    const index = buildAliasIndex(kb);
    const packed = JSON.parse(JSON.stringify(packAliasIndex(index, seqTokens)));
    const back = unpackAliasIndex(kb.actors, packed);
    expect(back).not.toBeNull();
    const want = shape(TEXT, matchText(index, TEXT));
    // Checked by hand: the longest names, case-sensitive "US" but not "us", folded spellings.
    expect(want.map((w) => w.replace(/:[\d,]+$/, ''))).toEqual(['New York City', 'U.S.', 'US', 'al-Shabaab', 'Nagorno Karabakh', 'İSTANBUL', '北京', 'Hauptstrasse']);
    expect(shape(TEXT, findMatches(back!, TEXT, tokenize(TEXT)))).toEqual(want);
    expect(back!.entries).toEqual(index.entries);
  });

  it('is refused for other actors (a merged or edited KB), and createLinker then builds its own', () => {
    const packed = packAliasIndex(buildAliasIndex(kb), seqTokens);
    const other = [...kb.actors.slice(1), kb.actors[0]!];
    expect(unpackAliasIndex(other, packed)).toBeNull();
    expect(unpackAliasIndex(kb.actors.slice(1), packed)).toBeNull();
    const linker = createLinker({ ...kb, actors: [...kb.actors, actor('bs:baku', 'Baku')] }, packed);
    expect(linker.link('Officials in Baku and New York City met.').mentions.map((m) => m.entityId)).toEqual(['bs:baku', 'bs:nyc']);
  });

  const dist = fileURLToPath(new URL('../../dist/data/', import.meta.url));
  it.skipIf(!existsSync(dist + 'kb-index.json'))('the built kb-index.json fits the built kb.json and links the same', () => {
    const full = JSON.parse(readFileSync(dist + 'kb.json', 'utf8')) as KnowledgeBase;
    const packed = JSON.parse(readFileSync(dist + 'kb-index.json', 'utf8'));
    // Only when both come from the same build (another engineer may rebuild one of them meanwhile).
    const unpacked = unpackAliasIndex(full.actors, packed);
    if (!unpacked) return;
    const text = 'President Ilham Aliyev met Prime Minister Manuel Valls in Baku; the U.S. State Department and NATO said.';
    expect(createLinker(full, packed).link(text).mentions).toEqual(createLinker(full).link(text).mentions);
  });
});
