/**
 * One-to-one matching of dropped objects with added ones that could be them, for rename
 * inference. Each group of objects linked by `fits` is decided on its own: a lone pair is a match;
 * in a bigger group a pair matches only when each is the other's strict best by `score`
 * (compared element by element, higher first); whatever is left with candidates is ambiguous.
 */

/** A dropped object matched with an added one; `contenders`: how many fitted it (1 = no tie-break). */
export interface Match<X, Y> {
  from: X;
  to: Y;
  contenders: number;
}

export interface Matching<X, Y> {
  pairs: Match<X, Y>[];
  /** Groups that could be paired in more than one way. */
  ambiguous: { from: X[]; to: Y[] }[];
}

export function matchCandidates<X, Y>(
  xs: readonly X[],
  ys: readonly Y[],
  fits: (x: X, y: Y) => boolean,
  score: (x: X, y: Y) => number[],
): Matching<X, Y> {
  const edges = xs.map((x) => ys.flatMap((y, j) => (fits(x, y) ? [j] : [])));
  const pairs: Match<X, Y>[] = [];
  const ambiguous: Matching<X, Y>['ambiguous'] = [];
  for (const group of components(edges, ys.length)) {
    const { left, right } = group;
    if (left.length === 1 && right.length === 1) {
      pairs.push({ from: xs[left[0]!]!, to: ys[right[0]!]!, contenders: 1 });
      continue;
    }
    const scores = new Map<string, number[]>();
    const scoreOf = (i: number, j: number) => {
      const key = `${i}:${j}`;
      let s = scores.get(key);
      if (!s) scores.set(key, (s = score(xs[i]!, ys[j]!)));
      return s;
    };
    const bestOf = (options: number[], s: (o: number) => number[]) => {
      const sorted = [...options].sort((p, q) => compareScores(s(q), s(p)));
      const [first, second] = sorted;
      if (first === undefined) return undefined;
      if (second !== undefined && compareScores(s(first), s(second)) === 0) return undefined;
      return first;
    };
    const matchedLeft = new Set<number>();
    const matchedRight = new Set<number>();
    for (const i of left) {
      const j = bestOf(edges[i]!, (o) => scoreOf(i, o));
      if (j === undefined) continue;
      const fitting = left.filter((k) => edges[k]!.includes(j));
      if (bestOf(fitting, (o) => scoreOf(o, j)) !== i) continue;
      matchedLeft.add(i);
      matchedRight.add(j);
      pairs.push({
        from: xs[i]!,
        to: ys[j]!,
        contenders: Math.max(edges[i]!.length, fitting.length),
      });
    }
    const restLeft = left.filter((i) => !matchedLeft.has(i));
    const restRight = right.filter((j) => !matchedRight.has(j));
    const open = restLeft.filter((i) => edges[i]!.some((j) => !matchedRight.has(j)));
    if (open.length > 0) {
      ambiguous.push({
        from: open.map((i) => xs[i]!),
        to: restRight.filter((j) => open.some((i) => edges[i]!.includes(j))).map((j) => ys[j]!),
      });
    }
  }
  return { pairs, ambiguous };
}

/** Connected groups of the bipartite graph (left indexes with their right neighbours), in order. */
function components(edges: number[][], rightCount: number): { left: number[]; right: number[] }[] {
  const byRight: number[][] = Array.from({ length: rightCount }, () => []);
  edges.forEach((js, i) => js.forEach((j) => byRight[j]!.push(i)));
  const seen = new Set<number>();
  const out: { left: number[]; right: number[] }[] = [];
  edges.forEach((js, start) => {
    if (js.length === 0 || seen.has(start)) return;
    const left: number[] = [];
    const right = new Set<number>();
    const queue = [start];
    seen.add(start);
    while (queue.length > 0) {
      const i = queue.shift()!;
      left.push(i);
      for (const j of edges[i]!) {
        if (right.has(j)) continue;
        right.add(j);
        for (const k of byRight[j]!) {
          if (!seen.has(k)) {
            seen.add(k);
            queue.push(k);
          }
        }
      }
    }
    out.push({ left: left.sort((p, q) => p - q), right: [...right].sort((p, q) => p - q) });
  });
  return out;
}

function compareScores(p: number[], q: number[]): number {
  for (let i = 0; i < Math.max(p.length, q.length); i++) {
    const d = (p[i] ?? 0) - (q[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * How alike two names are, 0 to 1: the share of letter pairs they have in common (Dice's
 * coefficient on bigrams, case folded), so `customer_id` and `customerid` are close.
 */
export function nameSimilarity(p: string, q: string): number {
  const bigrams = (s: string) => {
    const chars = Array.from(s.toLowerCase());
    return chars.slice(1).map((c, i) => chars[i]! + c);
  };
  const x = bigrams(p);
  const y = bigrams(q);
  if (x.length === 0 || y.length === 0) return p.toLowerCase() === q.toLowerCase() ? 1 : 0;
  const counts = new Map<string, number>();
  for (const g of x) counts.set(g, (counts.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of y) {
    const n = counts.get(g) ?? 0;
    if (n > 0) {
      common++;
      counts.set(g, n - 1);
    }
  }
  return Math.round(((2 * common) / (x.length + y.length)) * 1000) / 1000;
}
