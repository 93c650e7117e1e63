import type { MigrationInterface, QueryRunner } from 'typeorm';
import { reportingViews } from './reporting-views/v1763890100000/views';

/**
 * Issue 14, SQL access for BI tools (DOMAIN §16): the documented views of schema `reporting` over the base
 * tables — regions, goals, indicators, money, monitoring reports, evaluations, findings, recommendations —
 * each with the hierarchy as separate level columns (city, district, township code and name) and every
 * column commented in Chinese and English. Each view is a security barrier filtered to the connected
 * login's tenant and region subtree (reporting.login_scope, the same test as reporting.scope_allows, in
 * the form PostgreSQL evaluates once per statement instead of once per row). No view exposes a person:
 * no user ids, names, logins or credentials; organisations only (DOMAIN §14 spirit, §16).
 */
export class ReportingViews1763890100000 implements MigrationInterface {
  name = 'ReportingViews1763890100000';

  async up(q: QueryRunner): Promise<void> {
    for (const view of reportingViews) {
      await q.query(
        `CREATE VIEW reporting.${view.name} WITH (security_barrier) AS SELECT ${view.columns
          .map((c) => `${c.expr} AS ${c.name}`)
          .join(', ')} ${view.from}`,
      );
      await q.query(`COMMENT ON VIEW reporting.${view.name} IS ${literal(view.comment)}`);
      for (const c of view.columns)
        await q.query(
          `COMMENT ON COLUMN reporting.${view.name}.${c.name} IS ${literal(`${c.zh} — ${c.en}`)}`,
        );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const view of [...reportingViews].reverse()) await q.query(`DROP VIEW reporting.${view.name}`);
  }
}

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
