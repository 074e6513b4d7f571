import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROFILE_KEY } from '../../app/presence';
import { memoryStorage } from '../../test/memoryStorage';
import { readPerson, savePerson } from './person';

describe('the person this browser writes as', () => {
  const original = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
  beforeEach(() => {
    Object.defineProperty(globalThis, 'localStorage', {
      value: memoryStorage(),
      configurable: true,
    });
  });
  afterEach(() => {
    if (original) Object.defineProperty(globalThis, 'localStorage', original);
    else delete (globalThis as { localStorage?: Storage }).localStorage;
  });

  it('is nobody until a name is chosen, and nobody when what is stored is damaged', () => {
    expect(readPerson()).toBeUndefined();
    for (const raw of ['{', '"Ada"', '{"name":"   "}', '{"name":42}', 'null']) {
      localStorage.setItem(PROFILE_KEY, raw);
      expect(readPerson()).toBeUndefined();
    }
  });

  it('keeps the name trimmed and capped, and the colour chosen in the room dialog', () => {
    localStorage.setItem(PROFILE_KEY, JSON.stringify({ name: 'Old', colour: '#12a594' }));
    expect(savePerson(`  ${'A'.repeat(100)}  `)).toEqual({
      name: 'A'.repeat(40),
      colour: '#12a594',
    });
    expect(JSON.parse(localStorage.getItem(PROFILE_KEY)!)).toEqual({
      name: 'A'.repeat(40),
      colour: '#12a594',
    });
    // A colour that is not #rrggbb (it is used in a style) makes the stored profile unusable.
    localStorage.setItem(PROFILE_KEY, JSON.stringify({ name: 'Ada', colour: 'url(x)' }));
    expect(readPerson()).toBeUndefined();
  });
});
