import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PERSON_KEY, readPerson, savePerson } from './person';

/** A Storage over a Map: what the browser gives, without a browser. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => void items.set(k, String(v)),
  };
}

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
      localStorage.setItem(PERSON_KEY, raw);
      expect(readPerson()).toBeUndefined();
    }
  });

  it('keeps the name trimmed and capped, and the colour presence chose', () => {
    localStorage.setItem(PERSON_KEY, JSON.stringify({ name: 'Old', color: 'teal' }));
    expect(savePerson(`  ${'A'.repeat(100)}  `)).toEqual({ name: 'A'.repeat(80), color: 'teal' });
    expect(JSON.parse(localStorage.getItem(PERSON_KEY)!)).toEqual({
      name: 'A'.repeat(80),
      color: 'teal',
    });
    // A colour outside the palette is not used as one.
    localStorage.setItem(PERSON_KEY, JSON.stringify({ name: 'Ada', color: 'url(x)' }));
    expect(readPerson()).toEqual({ name: 'Ada', color: 'blue' });
  });
});
