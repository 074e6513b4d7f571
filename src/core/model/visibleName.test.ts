import { describe, expect, it } from 'vitest';
import { hasHiddenCharacters, visibleName } from './visibleName';

describe('visibleName', () => {
  it('shows bidi overrides and zero-width characters as code points', () => {
    expect(visibleName('user_\u202Epasswords')).toBe('user_⟨U+202E⟩passwords');
    expect(visibleName('id\u200B')).toBe('id⟨U+200B⟩');
    expect(visibleName('\uFEFFname\u2066x\u2069')).toBe('⟨U+FEFF⟩name⟨U+2066⟩x⟨U+2069⟩');
    expect(hasHiddenCharacters('a\u200Db')).toBe(true);
  });

  it('leaves every other name alone, emoji and scripts included', () => {
    for (const name of [
      'orders',
      '👩‍💻 team',
      '🏳️‍🌈',
      'Ünïcødé',
      'таблица',
      '表',
      'naïve "quoted"',
      '👩‍💻_table',
      'עברית',
    ]) {
      expect(visibleName(name)).toBe(name);
      expect(hasHiddenCharacters(name)).toBe(false);
    }
  });
});
