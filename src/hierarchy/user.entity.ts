import { Versioned } from '../common/stamped.entity';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantKeyed } from '../common/tenant-keyed.entity';
import { OrganizationEntity } from './organization.entity';

/**
 * 用户 — a person who logs in on behalf of one organization. Logins are unique within a tenant
 * (`uq_app_user_login` on (tenant_id, lower(login))); at sign-in the tenant code qualifies them.
 */
@Entity({ name: 'app_user' })
@Index('uq_app_user_login', { synchronize: false })
@Index('idx_app_user_region_path', { synchronize: false })
@Index('idx_app_user_organization', ['tenantId', 'organizationId'])
export class UserEntity extends TenantKeyed('pk_app_user', Versioned) {
  @Column('uuid', { name: 'organization_id' })
  organizationId!: string;

  /** The organization's region path, copied for subtree scoping of users. */
  @Column('text', { name: 'region_path' })
  regionPath!: string;

  @Column('varchar', { length: 64 })
  login!: string;

  @Column('varchar', { name: 'display_name', length: 100 })
  displayName!: string;

  @Column('text', { name: 'password_hash' })
  passwordHash!: string;

  @Column('boolean', { name: 'is_active', default: true })
  isActive!: boolean;

  /** 系统管理员: administers regions, organizations and users in its organization's subtree. */
  @Column('boolean', { name: 'is_tenant_admin', default: false })
  isTenantAdmin!: boolean;

  /** 凭据变更时间 — tokens issued before this instant (password reset, deactivation) are refused. */
  @Column('timestamptz', { name: 'credentials_changed_at', default: () => 'now()' })
  credentialsChangedAt!: Date;

  /**
   * 令牌版本 — carried in every token; a password reset, deactivation or reactivation increments it,
   * so every token issued before is refused (issue 8 item 11: exact, not per second).
   */
  @Column('integer', { name: 'token_version', default: 1 })
  tokenVersion!: number;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'tenant_id',
      referencedColumnName: 'tenantId',
      foreignKeyConstraintName: 'fk_app_user_organization',
    },
    {
      name: 'organization_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_app_user_organization',
    },
  ])
  organization?: OrganizationEntity;
}
