/**
 * Issue 11 item 8: lists sorted by name put Chinese names in pinyin order (拼音排序: 安徽 < 北京 < 上海 <
 * 淄博), the order a Chinese reader expects, not Unicode code-point order. The collation is created by
 * migration 1763884000000 (ICU `zh-u-co-pinyin`; see there for the fallback without ICU). Latin letters and
 * digits sort as usual; ties on the name are broken by id, so paging stays stable.
 */
export const NAME_COLLATION = 'public.zh_pinyin';

/** Column names that hold a display name and therefore sort by pinyin wherever a list is sorted by them. */
export const NAME_COLUMNS: ReadonlySet<string> = new Set(['name', 'display_name']);

/** The SQL expression collated for pinyin order, e.g. `o.name` → `o.name COLLATE public.zh_pinyin`. */
export function byPinyin(expression: string): string {
  return `${expression} COLLATE ${NAME_COLLATION}`;
}
