import { describe, expect, it } from 'vitest';
import { fold, salientTerms, tokenize } from '../../src/core/terms';

describe('tokenize', () => {
  it('folds case, diacritics and Turkish dotless i', () => {
    expect(fold('Erdoğan İLHAM Aliyev ı')).toBe('erdogan ilham aliyev i');
    expect(tokenize('Erdoğan met Erdogan')).toEqual(['erdogan', 'met', 'erdogan']);
  });
  it('drops stopwords, short words and non-year numbers; cuts possessives; folds plurals', () => {
    expect(tokenize("The talks on Baku's drills in 2023 with 15 tanks and countries")).toEqual(['talk', 'baku', 'drill', '2023', 'tank', 'country']);
  });
});

describe('salientTerms', () => {
  it('ranks repeated, longer, early words first and respects max', () => {
    const t = salientTerms('Karabakh offensive. The offensive in Karabakh ended. Later, a minor note about weather.', 'en', 3);
    expect(t).toHaveLength(3);
    expect(t.slice(0, 2).sort()).toEqual(['karabakh', 'offensive']);
    expect(salientTerms('', 'en')).toEqual([]);
  });
});
