import { describe, expect, it } from 'vitest';
import { createCheckStore, problemCountsByEntity } from './checkStore';
import { partitionCounts } from './designIndexes';
import { exampleDocument } from '../core/model';

const error = (entityId: string) => ({ message: 'boom', entityId, from: 0, to: 1 });

describe('problemCountsByEntity', () => {
  it('counts errors and generator problems per entity, once per verdict', () => {
    const check = createCheckStore();
    check.setState({
      errors: [error('t_a'), error('t_b'), error('t_a')],
      generatorProblems: [{ entityId: 't_b', message: 'name too long' }],
    });
    const counts = problemCountsByEntity(check.getState());
    expect(Object.fromEntries(counts)).toEqual({ t_a: 2, t_b: 2 });
    // A store change that is not a new verdict answers from the same map.
    check.setState({ status: 'rejected' });
    expect(problemCountsByEntity(check.getState())).toBe(counts);
    // A new verdict is counted again.
    check.setState({ errors: [error('t_c')] });
    expect(Object.fromEntries(problemCountsByEntity(check.getState()))).toEqual({ t_c: 1, t_b: 1 });
  });
});

describe('partitionCounts', () => {
  it('counts the partitions of each partitioned table', () => {
    const { design } = exampleDocument();
    const orders = design.tables.t_orders;
    if (!orders) throw new Error('example changed');
    const part = (id: string) => ({
      ...orders,
      id,
      name: id,
      partitionOf: { tableId: 't_orders', bound: 'DEFAULT' },
    });
    const withParts = { ...design, tables: { ...design.tables, p1: part('p1'), p2: part('p2') } };
    expect(partitionCounts(withParts).get('t_orders')).toBe(2);
    expect(partitionCounts(design).get('t_orders')).toBeUndefined();
  });
});
