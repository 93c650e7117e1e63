import type { Decimal } from '../../common/decimal';

/**
 * Ranking of results (DOMAIN §13 "Ranking and reports"; 001 三(四)3 "各级财政部门要将绩效评价结果进行排序"):
 * subjects ordered by score, highest first. Ties use **competition ranking** ("1224"): subjects with equal
 * scores share a rank, and the next rank skips as many places as were shared — the 并列 of a 通报 (two
 * regions 并列第2名, the next is 第4名). Equal scores are then listed by name, then id, for a stable order.
 */
export interface Ranked<T> {
  rank: number;
  item: T;
}

export function competitionRanking<T extends { score: Decimal; name: string; id: string }>(
  items: readonly T[],
): Ranked<T>[] {
  const sorted = [...items].sort(
    (a, b) =>
      b.score.comparedTo(a.score) || a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id),
  );
  let rank = 0;
  return sorted.map((item, i) => {
    if (i === 0 || !item.score.eq(sorted[i - 1].score)) rank = i + 1;
    return { rank, item };
  });
}
