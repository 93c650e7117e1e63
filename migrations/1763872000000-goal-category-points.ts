import type { MigrationInterface, QueryRunner } from 'typeorm';

const COLUMNS = ['common_points', 'output_points', 'benefit_points', 'satisfaction_points'];
const points = (c: string) => `("${c}" IS NULL OR ("${c}" >= 0 AND "${c}" <= 100))`;
const evaluationPoints = (total: string) =>
  `CHECK (${COLUMNS.map(points).join(' AND ')} AND ("total" IS NULL OR ${total}))`;

/**
 * A goal's own category points (一级指标分值, DOMAIN §10.1; 002 第二十一条(一) 一级指标权重可做适当调整):
 * four NUMERIC(5,2) columns on `performance_goal`, all null (the defaults 10/50/30/10) or all set, each
 * ≥ 0, totalling exactly 100 — the same shape as the category points of a self-evaluation.
 *
 * And (issue 9 item 2) an evaluation's total loses its upper bound of 100: points are exact and only
 * each line's score is rounded (DOMAIN §10.2, §10.6), so three lines of 50 ÷ 3 fully met score
 * 16.67 each and total 50.01; the total is the sum of the rounded line scores.
 */
export class GoalCategoryPoints1763872000000 implements MigrationInterface {
  name = 'GoalCategoryPoints1763872000000';

  async up(q: QueryRunner): Promise<void> {
    for (const c of COLUMNS) await q.query(`ALTER TABLE "performance_goal" ADD "${c}" numeric(5,2)`);
    await q.query(
      `ALTER TABLE "performance_goal" ADD CONSTRAINT "ck_performance_goal_category_points" CHECK (("common_points" IS NULL AND "output_points" IS NULL AND "benefit_points" IS NULL AND "satisfaction_points" IS NULL) OR ("common_points" >= 0 AND "output_points" >= 0 AND "benefit_points" >= 0 AND "satisfaction_points" >= 0 AND "common_points" + "output_points" + "benefit_points" + "satisfaction_points" = 100))`,
    );
    await q.query(`ALTER TABLE "evaluation" DROP CONSTRAINT "ck_evaluation_points"`);
    await q.query(
      `ALTER TABLE "evaluation" ADD CONSTRAINT "ck_evaluation_points" ${evaluationPoints('"total" >= 0')}`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "evaluation" DROP CONSTRAINT "ck_evaluation_points"`);
    await q.query(
      `ALTER TABLE "evaluation" ADD CONSTRAINT "ck_evaluation_points" ${evaluationPoints('("total" >= 0 AND "total" <= 100)')}`,
    );
    await q.query(`ALTER TABLE "performance_goal" DROP CONSTRAINT "ck_performance_goal_category_points"`);
    for (const c of COLUMNS) await q.query(`ALTER TABLE "performance_goal" DROP COLUMN "${c}"`);
  }
}
