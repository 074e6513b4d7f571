import { describe, expect, it } from 'vitest';
import { numberedName } from './prismaConstraintNames';

const bytes = (s: string) => new TextEncoder().encode(s).length;

describe('numberedName', () => {
  it('adds the first free number', () => {
    const taken = new Set(['orders_fkey1', 'orders_fkey2']);
    expect(numberedName('orders_fkey', (n) => taken.has(n))).toBe('orders_fkey3');
  });

  it('cuts a 63-byte name by whole characters so the number fits', () => {
    // 62 bytes of two-byte characters and one ASCII letter: the letter goes.
    expect(numberedName('é'.repeat(31) + 'a', () => false)).toBe('é'.repeat(31) + '1');
    // The last character is two bytes: cutting it leaves 61, never half a character.
    const cut = numberedName('a' + 'é'.repeat(31), () => false);
    expect(cut).toBe('a' + 'é'.repeat(30) + '1');
    // An emoji is four bytes and two UTF-16 units: it goes whole.
    const emoji = numberedName('x'.repeat(59) + '🦀', () => false);
    expect(emoji).toBe('x'.repeat(59) + '1');
  });

  it('makes room for a two-digit number', () => {
    const name = 'n'.repeat(63);
    const taken = new Set(Array.from({ length: 9 }, (_, i) => 'n'.repeat(62) + String(i + 1)));
    const found = numberedName(name, (n) => taken.has(n));
    expect(found).toBe('n'.repeat(61) + '10');
    expect(bytes(found)).toBe(63);
  });
});
