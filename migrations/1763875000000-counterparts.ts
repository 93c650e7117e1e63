import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 9 item 5, many competent departments per region (DOMAIN §3; 003 转移支付 第六–八条): a region has
 * thirty or more budget departments and two may share a sector, so the unique (tenant, region, sector)
 * index of competent departments goes. Which lower-level department answers for an upper department's
 * funds (对口业务主管部门) becomes an explicit, editable mapping: one row per (upper department, child
 * region), naming the counterpart department there; one township office may answer for several district
 * departments. Existing data keeps its behaviour: every (department, same-sector department in a direct
 * child region) pair the old code inferred is inserted as a mapping. Scoped by tenant with row-level
 * security like every tenant table.
 */
export class Counterparts1763875000000 implements MigrationInterface {
  name = 'Counterparts1763875000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "uq_organization_department_sector"`);
    await q.query(
      `CREATE TABLE "organization_counterpart" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "upper_organization_id" uuid NOT NULL, "counterpart_organization_id" uuid NOT NULL, "region_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_organization_counterpart_region" UNIQUE ("tenant_id", "upper_organization_id", "region_id"), CONSTRAINT "ck_organization_counterpart_distinct" CHECK ("upper_organization_id" <> "counterpart_organization_id"), CONSTRAINT "pk_organization_counterpart" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(
      `CREATE INDEX "idx_organization_counterpart_counterpart" ON "organization_counterpart" ("tenant_id", "counterpart_organization_id")`,
    );
    await q.query(
      `CREATE INDEX "idx_organization_counterpart_region" ON "organization_counterpart" ("tenant_id", "region_id")`,
    );
    // A mapping is configuration of two organizations: it goes with either of them.
    await q.query(
      `ALTER TABLE "organization_counterpart" ADD CONSTRAINT "fk_organization_counterpart_upper" FOREIGN KEY ("tenant_id", "upper_organization_id") REFERENCES "organization"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "organization_counterpart" ADD CONSTRAINT "fk_organization_counterpart_counterpart" FOREIGN KEY ("tenant_id", "counterpart_organization_id") REFERENCES "organization"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "organization_counterpart" ADD CONSTRAINT "fk_organization_counterpart_region" FOREIGN KEY ("tenant_id", "region_id") REFERENCES "region"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(`ALTER TABLE organization_counterpart ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE organization_counterpart FORCE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY tenant_isolation ON organization_counterpart TO jixiao_app USING (tenant_id = jixiao_current_tenant()) WITH CHECK (tenant_id = jixiao_current_tenant())`,
    );
    await q.query(
      `CREATE POLICY owner_maintenance ON organization_counterpart TO CURRENT_USER USING (true) WITH CHECK (true)`,
    );
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON organization_counterpart TO jixiao_app`);
    // The pairs the old code inferred from the unique sector (behaviour unchanged for existing data).
    await q.query(`INSERT INTO organization_counterpart (tenant_id, id, upper_organization_id, counterpart_organization_id, region_id)
      SELECT u.tenant_id, gen_random_uuid(), u.id, c.id, c.region_id
        FROM organization u
        JOIN region child ON child.tenant_id = u.tenant_id AND child.parent_id = u.region_id
        JOIN organization c ON c.tenant_id = u.tenant_id AND c.region_id = child.id
       WHERE u.kind = 'COMPETENT_DEPARTMENT' AND c.kind = 'COMPETENT_DEPARTMENT' AND c.sector = u.sector
      ON CONFLICT DO NOTHING`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE organization_counterpart`);
    await q.query(
      `CREATE UNIQUE INDEX "uq_organization_department_sector" ON "organization" ("tenant_id", "region_id", "sector") WHERE "kind" = 'COMPETENT_DEPARTMENT'`,
    );
  }
}
