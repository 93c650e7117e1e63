import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14, service accounts for BI tools and integrations (DOMAIN §16): an account of one organization
 * (its jurisdiction is that organization's, P6) and its API tokens — random, shown once, stored as a
 * SHA-256 digest only, with an expiry, a scope, the last use and a revocation. Tenant tables with
 * row-level security like every other.
 *
 * A token names no tenant, so the API resolves it before a tenant is set through one SECURITY DEFINER
 * function, `service_account_authenticate(prefix, digest)`: it answers the caller only for an unrevoked,
 * unexpired token of an active account, and records the last use at most once a minute (SKIP LOCKED:
 * concurrent requests of one token never wait for each other).
 */
export class ServiceAccounts1763892000000 implements MigrationInterface {
  name = 'ServiceAccounts1763892000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "service_account" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "organization_id" uuid NOT NULL, "name" character varying(100) NOT NULL, "description" text, "is_active" boolean NOT NULL DEFAULT true, "created_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deactivated_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_service_account_name" UNIQUE ("tenant_id", "name"), CONSTRAINT "ck_service_account_deactivated" CHECK ("is_active" = ("deactivated_at" IS NULL)), CONSTRAINT "pk_service_account" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(
      `CREATE INDEX "idx_service_account_organization" ON "service_account" ("tenant_id", "organization_id")`,
    );
    await q.query(
      `ALTER TABLE "service_account" ADD CONSTRAINT "fk_service_account_organization" FOREIGN KEY ("tenant_id", "organization_id") REFERENCES "organization"("tenant_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `CREATE TABLE "service_account_token" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL, "service_account_id" uuid NOT NULL, "prefix" character varying(16) NOT NULL, "token_hash" bytea NOT NULL, "scope" character varying(32) NOT NULL, "created_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_by_user_id" uuid, CONSTRAINT "ck_service_account_token_scope" CHECK ("scope" IN ('REPORTING_READ')), CONSTRAINT "ck_service_account_token_hash" CHECK (octet_length("token_hash") = 32), CONSTRAINT "ck_service_account_token_expiry" CHECK ("expires_at" > "created_at"), CONSTRAINT "pk_service_account_token" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await q.query(
      `CREATE INDEX "idx_service_account_token_account" ON "service_account_token" ("tenant_id", "service_account_id")`,
    );
    await q.query(`CREATE INDEX "idx_service_account_token_prefix" ON "service_account_token" ("prefix")`);
    await q.query(
      `ALTER TABLE "service_account_token" ADD CONSTRAINT "fk_service_account_token_account" FOREIGN KEY ("tenant_id", "service_account_id") REFERENCES "service_account"("tenant_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    for (const table of ['service_account', 'service_account_token']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(
        `CREATE POLICY tenant_isolation ON ${table} TO jixiao_app USING (tenant_id = jixiao_current_tenant()) WITH CHECK (tenant_id = jixiao_current_tenant())`,
      );
      await q.query(
        `CREATE POLICY owner_maintenance ON ${table} TO CURRENT_USER USING (true) WITH CHECK (true)`,
      );
    }
    // Accounts and tokens are never deleted (their history is the audit trail's subject).
    await q.query(`GRANT SELECT, INSERT, UPDATE ON service_account, service_account_token TO jixiao_app`);

    // The caller of a token, checked on every request: revoked, expired or deactivated answers nothing.
    await q.query(`CREATE FUNCTION service_account_authenticate(p_prefix text, p_hash bytea)
      RETURNS TABLE (tenant_id uuid, token_id uuid, service_account_id uuid, name text, scope text,
                     organization_id uuid, kind text, supervising_department_id uuid, region_id uuid,
                     level text, path text)
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
      #variable_conflict use_column
      BEGIN
        RETURN QUERY
          SELECT t.tenant_id, t.id, a.id, a.name::text, t.scope::text, o.id, o.kind::text,
                 o.supervising_department_id, r.id, r.level::text, r.path
            FROM service_account_token t
            JOIN service_account a ON a.tenant_id = t.tenant_id AND a.id = t.service_account_id
            JOIN organization o ON o.tenant_id = a.tenant_id AND o.id = a.organization_id
            JOIN region r ON r.tenant_id = o.tenant_id AND r.id = o.region_id
           WHERE t.prefix = p_prefix AND t.token_hash = p_hash
             AND t.revoked_at IS NULL AND t.expires_at > now() AND a.is_active;
        IF FOUND THEN
          UPDATE service_account_token u SET last_used_at = now()
           WHERE (u.tenant_id, u.id) IN (
             SELECT x.tenant_id, x.id FROM service_account_token x
              WHERE x.prefix = p_prefix AND x.token_hash = p_hash
                AND (x.last_used_at IS NULL OR x.last_used_at < now() - interval '1 minute')
                FOR UPDATE SKIP LOCKED);
        END IF;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION service_account_authenticate(text, bytea) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION service_account_authenticate(text, bytea) TO jixiao_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION service_account_authenticate(text, bytea)`);
    await q.query(`DROP TABLE service_account_token`);
    await q.query(`DROP TABLE service_account`);
  }
}
