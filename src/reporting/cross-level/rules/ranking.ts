import { parseDecimal, type Decimal } from '../../../common/decimal';
import { competitionRanking } from '../../../results/rules/ranking';

/**
 * 排名 (DOMAIN §13 "Ranking and reports", §16 "Cross-level reporting … comparisons, ranking"): the children
 * of a node ranked by one figure, higher first, by standard competition ranking ("1224"): equal values
 * share a rank, and the next distinct value takes the rank it would have had without the tie — a rank is
 * 1 + the number of children with a strictly better value. Ties are stated, never broken silently by an
 * arbitrary order. A child without the figure (no score yet, nothing in place: division by zero) is not
 * ranked at all (never treated as 0, DOMAIN §11) and is listed after the ranked ones.
 *
 * Values are exact decimals as text; they are compared as decimals ("90.5" = "90.50"), never as floats.
 */
export interface RankCandidate {
  /** A stable key (the region's division code); orders the members of a tie and the unranked. */
  key: string;
  /** The figure as decimal text, or null when the child has none. */
  value: string | null;
}

export interface RankedEntry {
  key: string;
  value: string | null;
  /** Competition rank (1 is best); null when the child has no value. */
  rank: number | null;
  /** How many children share this rank (1 when not tied; 0 when unranked). */
  tieSize: number;
  /** Whether another child has the same value and so the same rank. */
  tied: boolean;
}

function decimalOf(c: RankCandidate): Decimal | null {
  if (c.value === null) return null;
  const d = parseDecimal(c.value);
  if (!d) throw new Error(`Not a decimal figure for ${c.key}: ${JSON.stringify(c.value)}`);
  return d;
}

/**
 * Ranks candidates, higher value first, with competition ranks and stated ties. The ordering and the
 * ranks are the results module's `competitionRanking` (the 并列 of a 通报, DOMAIN §13), so a region ranks
 * here as it ranks there; this adds the tie sizes and keeps the children without a value apart.
 */
export function competitionRank(candidates: readonly RankCandidate[]): RankedEntry[] {
  const valued = candidates.flatMap((c) => {
    const d = decimalOf(c);
    return d ? [{ score: d, name: c.key, id: c.key, value: c.value }] : [];
  });
  const ranked = competitionRanking(valued);
  const sizes = new Map<number, number>();
  for (const r of ranked) sizes.set(r.rank, (sizes.get(r.rank) ?? 0) + 1);
  const unranked = candidates
    .filter((c) => c.value === null)
    .sort((a, b) => a.key.localeCompare(b.key))
    .map((c) => ({ key: c.key, value: null, rank: null, tieSize: 0, tied: false }));
  return [
    ...ranked.map(({ rank, item }) => {
      const tieSize = sizes.get(rank) ?? 1;
      return { key: item.id, value: item.value, rank, tieSize, tied: tieSize > 1 };
    }),
    ...unranked,
  ];
}
