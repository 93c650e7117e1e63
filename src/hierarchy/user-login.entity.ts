import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * 登录名目录 — maps (tenant, login) to the user, so a login qualified by its tenant code can be resolved
 * before the tenant is set (logins are unique per tenant only: issue 8 item 13). Kept by a trigger on `app_user`; the API role has no
 * privilege on it and reads it only through the SECURITY DEFINER function `auth_find_login`.
 * Under Citus it is a reference table (docs/scaling.md).
 */
@Entity({ name: 'user_login' })
export class UserLoginEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id', primaryKeyConstraintName: 'pk_user_login' })
  tenantId!: string;

  @PrimaryColumn('varchar', { length: 64, primaryKeyConstraintName: 'pk_user_login' })
  login!: string;

  @Column('uuid', { name: 'user_id' })
  userId!: string;
}
