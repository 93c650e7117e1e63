import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 先行安排 for projects (DOMAIN §6; 002 第七条): a new major project the government has pre-approved may
 * enter the project library before its ex-ante assessment and appears on the "assessment pending" list
 * until a finance-accepted assessment exists — the same flag funds have had since Funds1763790000000.
 */
export class ProjectPreApproval1763820000000 implements MigrationInterface {
  name = 'ProjectPreApproval1763820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "project" ADD "government_pre_approved" boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "project" DROP COLUMN "government_pre_approved"`);
  }
}
