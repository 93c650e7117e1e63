import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * 登录名目录 — maps a login (lower-cased, unique across all tenants) to its tenant and user, so a login
 * can be resolved before the tenant is known. Kept by a trigger on `app_user`; the API role has no
 * privilege on it and reads it only through the SECURITY DEFINER function `auth_find_login`.
 * Under Citus it is a reference table (docs/scaling.md).
 */
@Entity({ name: 'user_login' })
export class UserLoginEntity {
  @PrimaryColumn('varchar', { length: 64, primaryKeyConstraintName: 'pk_user_login' })
  login!: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @Column('uuid', { name: 'user_id' })
  userId!: string;
}
