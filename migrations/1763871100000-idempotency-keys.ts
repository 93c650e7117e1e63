import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 8 item 15, idempotency keys: one row per (tenant, user, key) claimed in the transaction of the
 * mutation it protects. The primary key makes a concurrent retry wait for the first attempt to commit
 * (or roll back); `request_hash` (sha256 of the canonical JSON of the arguments minus the key) tells a
 * retry from a different request under the same key; `response` references what the first attempt
 * returned (entity name and primary key per payload field) so a retry answers the same objects. Scoped by
 * tenant with row-level security like every tenant table (DOMAIN §3); the API role reads, claims, fills
 * and purges.
 */
export class IdempotencyKeys1763871100000 implements MigrationInterface {
  name = 'IdempotencyKeys1763871100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "idempotency_key" ("tenant_id" uuid NOT NULL, "user_id" uuid NOT NULL, "key" character varying(128) NOT NULL, "operation" character varying(64) NOT NULL, "request_hash" character(64) NOT NULL, "response" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "ck_idempotency_key_format" CHECK ("key" ~ '^[A-Za-z0-9_:.-]{1,128}$'), CONSTRAINT "ck_idempotency_key_expiry" CHECK ("expires_at" > "created_at"), CONSTRAINT "pk_idempotency_key" PRIMARY KEY ("tenant_id", "user_id", "key"))`,
    );
    await q.query(
      `ALTER TABLE "idempotency_key" ADD CONSTRAINT "fk_idempotency_key_user" FOREIGN KEY ("tenant_id", "user_id") REFERENCES "app_user"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(`ALTER TABLE idempotency_key ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE idempotency_key FORCE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY tenant_isolation ON idempotency_key TO jixiao_app USING (tenant_id = jixiao_current_tenant()) WITH CHECK (tenant_id = jixiao_current_tenant())`,
    );
    await q.query(
      `CREATE POLICY owner_maintenance ON idempotency_key TO CURRENT_USER USING (true) WITH CHECK (true)`,
    );
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_key TO jixiao_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_key`);
  }
}
