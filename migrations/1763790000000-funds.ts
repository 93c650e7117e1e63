import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables scoped by tenant with row-level security (DOMAIN §3), as in the foundation. */
const tenantTables = ['fund', 'project', 'fund_allocation'];

/**
 * Money and subjects (DOMAIN §4): transfer funds (专项资金/转移支付), projects (项目) and the allocations of a
 * fund to child regions or projects. Money is NUMERIC(14,2) in yuan, never float. Every table has
 * (tenant_id, id) as primary key and tenant-qualified foreign keys; `region_path` is copied by trigger
 * from the owning body's region so that subtree scoping is one indexed predicate; row-level security is
 * enabled and forced exactly like the foundation's tables.
 */
export class Funds1763790000000 implements MigrationInterface {
  name = 'Funds1763790000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "fund" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "organization_id" uuid NOT NULL, "region_id" uuid NOT NULL, "region_path" text NOT NULL, "name" character varying(200) NOT NULL, "budget_book" character varying(32) NOT NULL, "category" character varying(32) NOT NULL, "allocation_method" character varying(16) NOT NULL, "start_year" integer NOT NULL, "end_year" integer NOT NULL, "upper_level_amount" numeric(14,2) NOT NULL, "own_level_amount" numeric(14,2) NOT NULL, "lower_level_amount" numeric(14,2) NOT NULL, "upper_fund_id" uuid, "is_new_major" boolean NOT NULL DEFAULT false, "is_emergency" boolean NOT NULL DEFAULT false, "government_pre_approved" boolean NOT NULL DEFAULT false, "assessed_at_creation" boolean NOT NULL DEFAULT false, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_fund_budget_book" CHECK ("budget_book" IN ('GENERAL_PUBLIC', 'GOVERNMENT_FUND', 'STATE_CAPITAL', 'SOCIAL_INSURANCE')), CONSTRAINT "ck_fund_category" CHECK ("category" IN ('SHARED_FISCAL_AUTHORITY', 'SPECIAL_TRANSFER')), CONSTRAINT "ck_fund_allocation_method" CHECK ("allocation_method" IN ('FACTOR', 'PROJECT')), CONSTRAINT "ck_fund_period" CHECK ("start_year" <= "end_year"), CONSTRAINT "ck_fund_amounts" CHECK ("upper_level_amount" >= 0 AND "own_level_amount" >= 0 AND "lower_level_amount" >= 0), CONSTRAINT "pk_fund" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(`CREATE INDEX "idx_fund_organization" ON "fund" ("tenant_id", "organization_id")`);
    await q.query(`CREATE INDEX "idx_fund_upper_fund" ON "fund" ("tenant_id", "upper_fund_id")`);
    await q.query(
      `CREATE INDEX "idx_fund_region_path" ON "fund" ("tenant_id", "region_path" text_pattern_ops)`,
    );

    await q.query(
      `CREATE TABLE "project" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "name" character varying(200) NOT NULL, "department_id" uuid NOT NULL, "implementing_unit_id" uuid NOT NULL, "region_id" uuid NOT NULL, "region_path" text NOT NULL, "fund_id" uuid, "year" integer NOT NULL, "annual_amount" numeric(14,2) NOT NULL, "fiscal_amount" numeric(14,2) NOT NULL, "other_amount" numeric(14,2) NOT NULL, "is_new" boolean NOT NULL, "requires_assessment" boolean NOT NULL DEFAULT false, "library_status" character varying(16) NOT NULL DEFAULT 'CANDIDATE', "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_project_library_status" CHECK ("library_status" IN ('CANDIDATE', 'IN_LIBRARY', 'REJECTED', 'REMOVED')), CONSTRAINT "ck_project_amounts" CHECK ("fiscal_amount" >= 0 AND "other_amount" >= 0 AND "annual_amount" = "fiscal_amount" + "other_amount"), CONSTRAINT "pk_project" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(`CREATE INDEX "idx_project_fund" ON "project" ("tenant_id", "fund_id")`);
    await q.query(`CREATE INDEX "idx_project_unit" ON "project" ("tenant_id", "implementing_unit_id")`);
    await q.query(`CREATE INDEX "idx_project_department" ON "project" ("tenant_id", "department_id")`);
    await q.query(
      `CREATE INDEX "idx_project_region_path" ON "project" ("tenant_id", "region_path" text_pattern_ops)`,
    );

    await q.query(
      `CREATE TABLE "fund_allocation" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "fund_id" uuid NOT NULL, "fund_region_path" text NOT NULL, "region_id" uuid, "project_id" uuid, "region_path" text NOT NULL, "amount" numeric(14,2) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_fund_allocation_region" UNIQUE ("tenant_id", "fund_id", "region_id"), CONSTRAINT "uq_fund_allocation_project" UNIQUE ("tenant_id", "fund_id", "project_id"), CONSTRAINT "ck_fund_allocation_target" CHECK (("region_id" IS NULL) <> ("project_id" IS NULL)), CONSTRAINT "ck_fund_allocation_amount" CHECK ("amount" > 0), CONSTRAINT "pk_fund_allocation" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(
      `CREATE INDEX "idx_fund_allocation_region_path" ON "fund_allocation" ("tenant_id", "region_path" text_pattern_ops)`,
    );
    await q.query(
      `CREATE INDEX "idx_fund_allocation_fund_region_path" ON "fund_allocation" ("tenant_id", "fund_region_path" text_pattern_ops)`,
    );

    await q.query(
      `ALTER TABLE "fund" ADD CONSTRAINT "fk_fund_organization" FOREIGN KEY ("tenant_id", "organization_id") REFERENCES "organization"("tenant_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "fund" ADD CONSTRAINT "fk_fund_region" FOREIGN KEY ("tenant_id", "region_id") REFERENCES "region"("tenant_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "fund" ADD CONSTRAINT "fk_fund_upper_fund" FOREIGN KEY ("tenant_id", "upper_fund_id") REFERENCES "fund"("tenant_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "project" ADD CONSTRAINT "fk_project_department" FOREIGN KEY ("tenant_id", "department_id") REFERENCES "organization"("tenant_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "project" ADD CONSTRAINT "fk_project_implementing_unit" FOREIGN KEY ("tenant_id", "implementing_unit_id") REFERENCES "organization"("tenant_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "project" ADD CONSTRAINT "fk_project_region" FOREIGN KEY ("tenant_id", "region_id") REFERENCES "region"("tenant_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "project" ADD CONSTRAINT "fk_project_fund" FOREIGN KEY ("tenant_id", "fund_id") REFERENCES "fund"("tenant_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "fund_allocation" ADD CONSTRAINT "fk_fund_allocation_fund" FOREIGN KEY ("tenant_id", "fund_id") REFERENCES "fund"("tenant_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "fund_allocation" ADD CONSTRAINT "fk_fund_allocation_region" FOREIGN KEY ("tenant_id", "region_id") REFERENCES "region"("tenant_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "fund_allocation" ADD CONSTRAINT "fk_fund_allocation_project" FOREIGN KEY ("tenant_id", "project_id") REFERENCES "project"("tenant_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    // DOMAIN §4: a fund sits where its competent department sits; region and path are derived from the
    // department and never change (the owner does not change either).
    await q.query(`CREATE FUNCTION fund_before_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.organization_id <> OLD.organization_id THEN
          RAISE EXCEPTION 'a fund cannot change its competent department' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_fund_owner_fixed';
        END IF;
        SELECT region_id, region_path INTO NEW.region_id, NEW.region_path FROM organization WHERE tenant_id = NEW.tenant_id AND id = NEW.organization_id;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER trg_fund_before_write BEFORE INSERT OR UPDATE ON fund FOR EACH ROW EXECUTE FUNCTION fund_before_write()`,
    );

    // A project sits where its implementing unit sits.
    await q.query(`CREATE FUNCTION project_before_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.implementing_unit_id <> OLD.implementing_unit_id THEN
          RAISE EXCEPTION 'a project cannot change its implementing unit' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_project_unit_fixed';
        END IF;
        SELECT region_id, region_path INTO NEW.region_id, NEW.region_path FROM organization WHERE tenant_id = NEW.tenant_id AND id = NEW.implementing_unit_id;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER trg_project_before_write BEFORE INSERT OR UPDATE ON project FOR EACH ROW EXECUTE FUNCTION project_before_write()`,
    );

    // An allocation carries the allocating fund's path (the giver sees all its allocations) and the
    // receiving region's or project's path (each receiver sees its own), for one-predicate scoping.
    await q.query(`CREATE FUNCTION fund_allocation_before_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT region_path INTO NEW.fund_region_path FROM fund WHERE tenant_id = NEW.tenant_id AND id = NEW.fund_id;
        IF NEW.region_id IS NOT NULL THEN
          SELECT path INTO NEW.region_path FROM region WHERE tenant_id = NEW.tenant_id AND id = NEW.region_id;
        ELSE
          SELECT region_path INTO NEW.region_path FROM project WHERE tenant_id = NEW.tenant_id AND id = NEW.project_id;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER trg_fund_allocation_before_write BEFORE INSERT OR UPDATE ON fund_allocation FOR EACH ROW EXECUTE FUNCTION fund_allocation_before_write()`,
    );

    for (const table of tenantTables) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(
        `CREATE POLICY tenant_isolation ON ${table} TO jixiao_app USING (tenant_id = jixiao_current_tenant()) WITH CHECK (tenant_id = jixiao_current_tenant())`,
      );
      await q.query(
        `CREATE POLICY owner_maintenance ON ${table} TO CURRENT_USER USING (true) WITH CHECK (true)`,
      );
    }
    // Funds and projects are never deleted (DOMAIN §15); an allocation set is replaced as a whole.
    await q.query(`GRANT SELECT, INSERT, UPDATE ON fund, project TO jixiao_app`);
    await q.query(`GRANT SELECT, INSERT, DELETE ON fund_allocation TO jixiao_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE fund_allocation, project, fund`);
    await q.query(
      `DROP FUNCTION fund_allocation_before_write(), project_before_write(), fund_before_write()`,
    );
  }
}
