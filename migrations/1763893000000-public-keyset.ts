import type { MigrationInterface, QueryRunner } from 'typeorm';

const PUBLISHED = `d.classified = false AND d.published_on IS NOT NULL AND d.withdrawn_on IS NULL`;

/** The published goals of a region (by code) and year (DOMAIN §14; unchanged from 1763879000000). */
const GOALS_FROM = `FROM region r
          JOIN performance_goal g ON g.tenant_id = r.tenant_id AND g.region_id = r.id
          JOIN disclosure d ON d.tenant_id = g.tenant_id AND d.subject_type = 'GOAL' AND d.subject_id = g.id
          JOIN organization o ON o.tenant_id = d.tenant_id AND o.id = d.responsible_organization_id
         WHERE r.code = p_region_code AND g.year = p_year AND g.status = 'ISSUED' AND ${PUBLISHED}`;

/** The published results of the region's goals, none of a classified goal (unchanged from 1763879000000). */
const EVALUATIONS_FROM = `FROM region r
          JOIN performance_goal g ON g.tenant_id = r.tenant_id AND g.region_id = r.id
          JOIN evaluation e ON e.tenant_id = g.tenant_id AND e.goal_id = g.id
          JOIN disclosure d ON d.tenant_id = e.tenant_id AND d.subject_type = 'EVALUATION' AND d.subject_id = e.id
          JOIN organization o ON o.tenant_id = d.tenant_id AND o.id = d.responsible_organization_id
         WHERE r.code = p_region_code AND e.year = p_year
           AND e.status IN ('REVIEWED', 'FINALIZED', 'REPORTED', 'ACKNOWLEDGED') AND ${PUBLISHED}
           AND NOT EXISTS (SELECT 1 FROM disclosure c WHERE c.tenant_id = g.tenant_id AND c.subject_type = 'GOAL'
                            AND c.subject_id = g.id AND c.classified)`;

const GOAL_COLUMNS = `RETURNS TABLE (subject_id uuid, name text, year integer, region_code text, region_name text,
                     organization_name text, annual_objective text, annual_amount numeric,
                     fiscal_amount numeric, other_amount numeric, published_on date, indicators jsonb)`;
const GOAL_SELECT = `SELECT g.id, g.name::text, g.year, r.code::text, r.name::text, o.name::text, g.annual_objective,
               g.annual_amount, g.fiscal_amount, g.other_amount, d.published_on,
               coalesce((SELECT jsonb_agg(jsonb_build_object('category', i.category, 'subcategory',
                  i.subcategory, 'name', i.name, 'unit', i.unit, 'comparator', i.comparator, 'target', i.target)
                  ORDER BY i.position) FROM goal_indicator i WHERE i.tenant_id = g.tenant_id AND i.goal_id = g.id), '[]')`;
const EVALUATION_COLUMNS = `RETURNS TABLE (subject_id uuid, goal_name text, kind text, year integer, region_code text,
                     region_name text, organization_name text, total numeric, grade text, published_on date)`;
const EVALUATION_SELECT = `SELECT e.id, g.name::text, e.kind::text, e.year, r.code::text, r.name::text, o.name::text, e.total,
               e.grade::text, d.published_on`;
const DEFINER = `LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp`;

/** Keyset after (goal name in pinyin order, id): the cursor of the last row of the previous page. */
const after = (id: string) =>
  `(p_after_id IS NULL OR (g.name COLLATE public.zh_pinyin, ${id}) > (p_after_name COLLATE public.zh_pinyin, p_after_id))`;
const LIMIT = `LIMIT least(greatest(p_limit, 0), 101)`;

const OLD = '(text, integer, integer, integer)';
const KEYSET = '(text, integer, integer, text, uuid)';
const COUNT = '(text, integer)';
const NEW_FUNCTIONS = [
  `disclosure_public_goals${KEYSET}`,
  `disclosure_public_evaluations${KEYSET}`,
  `disclosure_public_goal_count${COUNT}`,
  `disclosure_public_evaluation_count${COUNT}`,
];

async function grant(q: QueryRunner, functions: string[]): Promise<void> {
  for (const f of functions) {
    await q.query(`REVOKE ALL ON FUNCTION ${f} FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ${f} TO jixiao_app`);
  }
}

/**
 * Issue 11 item 7 (DOMAIN §16 cursor pagination): the anonymous disclosure lists page by keyset — after
 * the (goal name in pinyin order, id) of the last item seen — instead of an offset, and their totals are
 * counted by two more SECURITY DEFINER functions (on APP_DEFINER_FUNCTIONS). What they return is as
 * before (published, unclassified rows, disclosure fields only; DOMAIN §14, P5); a page is at most 100
 * items (101 rows: one more tells whether a next page exists).
 */
export class PublicKeyset1763893000000 implements MigrationInterface {
  name = 'PublicKeyset1763893000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION disclosure_public_goals${OLD}`);
    await q.query(`DROP FUNCTION disclosure_public_evaluations${OLD}`);
    await q.query(`CREATE FUNCTION disclosure_public_goals(p_region_code text, p_year integer, p_limit integer,
        p_after_name text, p_after_id uuid) ${GOAL_COLUMNS} ${DEFINER} AS $$
        ${GOAL_SELECT} ${GOALS_FROM} AND ${after('g.id')}
         ORDER BY g.name COLLATE public.zh_pinyin, g.id ${LIMIT} $$`);
    await q.query(`CREATE FUNCTION disclosure_public_evaluations(p_region_code text, p_year integer, p_limit integer,
        p_after_name text, p_after_id uuid) ${EVALUATION_COLUMNS} ${DEFINER} AS $$
        ${EVALUATION_SELECT} ${EVALUATIONS_FROM} AND ${after('e.id')}
         ORDER BY g.name COLLATE public.zh_pinyin, e.id ${LIMIT} $$`);
    await q.query(`CREATE FUNCTION disclosure_public_goal_count(p_region_code text, p_year integer)
      RETURNS bigint ${DEFINER} AS $$ SELECT count(*) ${GOALS_FROM} $$`);
    await q.query(`CREATE FUNCTION disclosure_public_evaluation_count(p_region_code text, p_year integer)
      RETURNS bigint ${DEFINER} AS $$ SELECT count(*) ${EVALUATIONS_FROM} $$`);
    await grant(q, NEW_FUNCTIONS);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const f of NEW_FUNCTIONS) await q.query(`DROP FUNCTION ${f}`);
    // The offset versions as migrations 1763879000000 and 1763884000000 (pinyin order) left them.
    const offset = `LIMIT least(greatest(p_limit, 0), 100) OFFSET greatest(p_offset, 0)`;
    await q.query(`CREATE FUNCTION disclosure_public_goals(p_region_code text, p_year integer, p_limit integer,
        p_offset integer) ${GOAL_COLUMNS} ${DEFINER} AS $$
        ${GOAL_SELECT} ${GOALS_FROM} ORDER BY g.name COLLATE public.zh_pinyin, g.id ${offset} $$`);
    await q.query(`CREATE FUNCTION disclosure_public_evaluations(p_region_code text, p_year integer, p_limit integer,
        p_offset integer) ${EVALUATION_COLUMNS} ${DEFINER} AS $$
        ${EVALUATION_SELECT} ${EVALUATIONS_FROM} ORDER BY g.name COLLATE public.zh_pinyin, e.id ${offset} $$`);
    await grant(q, [`disclosure_public_goals${OLD}`, `disclosure_public_evaluations${OLD}`]);
  }
}
