import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 11 item 8: Chinese names sort by pinyin (北京 < 上海 < 淄博), not by code point. One collation,
 * `public.zh_pinyin`, used by every ORDER BY name (see src/common/collation.ts).
 *
 * ICU (`zh-u-co-pinyin`) is present in the service PostgreSQL and in the embedded PostgreSQL 17 used by
 * the tests (it ships libicu). Where a server is built without ICU, the collation falls back to the libc
 * locale zh_CN.UTF-8 (also pinyin order), and as a last resort to "C" (code-point order), so that queries
 * naming the collation keep working; the fallback taken is raised as a NOTICE.
 */
/** The public disclosure reads (migration 1763879000000) list by goal name: they sort by pinyin too. */
const NAMED_LISTS = [
  'disclosure_public_goals(text, integer, integer, integer)',
  'disclosure_public_evaluations(text, integer, integer, integer)',
];

/** Rewrites a SQL function's `ORDER BY g.name,` (keeps its grants: CREATE OR REPLACE). */
function reorder(fn: string, from: string, to: string): string {
  return `DO $$
    DECLARE def text;
    BEGIN
      IF to_regprocedure('${fn}') IS NOT NULL THEN
        def := replace(pg_get_functiondef(to_regprocedure('${fn}')), '${from}', '${to}');
        EXECUTE def;
      END IF;
    END $$`;
}

const PLAIN = 'ORDER BY g.name,';
const PINYIN = 'ORDER BY g.name COLLATE public.zh_pinyin,';

export class PinyinCollation1763884000000 implements MigrationInterface {
  name = 'PinyinCollation1763884000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DO $$
      BEGIN
        BEGIN
          CREATE COLLATION IF NOT EXISTS public.zh_pinyin (provider = icu, locale = 'zh-u-co-pinyin');
        EXCEPTION WHEN OTHERS THEN
          BEGIN
            CREATE COLLATION IF NOT EXISTS public.zh_pinyin (provider = libc, locale = 'zh_CN.UTF-8');
            RAISE NOTICE 'zh_pinyin: ICU unavailable, using libc zh_CN.UTF-8';
          EXCEPTION WHEN OTHERS THEN
            CREATE COLLATION IF NOT EXISTS public.zh_pinyin FROM "C";
            RAISE NOTICE 'zh_pinyin: neither ICU nor zh_CN.UTF-8 available, names sort by code point';
          END;
        END;
      END $$`);
    for (const fn of NAMED_LISTS) await q.query(reorder(fn, PLAIN, PINYIN));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const fn of NAMED_LISTS) await q.query(reorder(fn, PINYIN, PLAIN));
    await q.query(`DROP COLLATION IF EXISTS public.zh_pinyin`);
  }
}
