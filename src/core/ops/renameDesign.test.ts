import { describe, expect, it } from 'vitest';
import { emptyDesign } from '../model';
import { renameDesign } from './tables';

describe('renameDesign', () => {
  it('renames the design and nothing else', () => {
    const design = emptyDesign('Shop');
    const renamed = renameDesign(design, 'Store');
    expect(renamed).toEqual({ ...design, name: 'Store' });
    expect(design.name).toBe('Shop');
  });

  it('the same name is no change: the same object comes back', () => {
    const design = emptyDesign('Shop');
    expect(renameDesign(design, 'Shop')).toBe(design);
  });
});
