import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { TenantKeyed } from '../common/tenant-keyed.entity';
import { OrganizationEntity } from '../hierarchy/organization.entity';

/**
 * 服务账号 — a non-person caller (BI tool, script) of one organization: it reads what a user of that
 * organization reads (P6), within the scope of its token, and never signs in with a password (issue 14).
 */
@Entity({ name: 'service_account' })
@Unique('uq_service_account_name', ['tenantId', 'name'])
@Check('ck_service_account_deactivated', `"is_active" = ("deactivated_at" IS NULL)`)
@Index('idx_service_account_organization', ['tenantId', 'organizationId'])
export class ServiceAccountEntity extends TenantKeyed('pk_service_account') {
  @Column('uuid', { name: 'organization_id' })
  organizationId!: string;

  @Column('varchar', { length: 100 })
  name!: string;

  @Column('text', { nullable: true })
  description!: string | null;

  @Column('boolean', { name: 'is_active', default: true })
  isActive!: boolean;

  @Column('uuid', { name: 'created_by_user_id' })
  createdByUserId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'deactivated_at', nullable: true })
  deactivatedAt!: Date | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'tenant_id',
      referencedColumnName: 'tenantId',
      foreignKeyConstraintName: 'fk_service_account_organization',
    },
    {
      name: 'organization_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_service_account_organization',
    },
  ])
  organization?: OrganizationEntity;
}

/**
 * API 令牌 — one token of a service account. Only its prefix (to recognise it) and the SHA-256 digest of
 * the whole token are stored; the token itself is shown once, when issued (issue 14).
 */
@Entity({ name: 'service_account_token' })
@Check('ck_service_account_token_scope', `"scope" IN ('REPORTING_READ')`)
@Check('ck_service_account_token_hash', `octet_length("token_hash") = 32`)
@Check('ck_service_account_token_expiry', `"expires_at" > "created_at"`)
@Index('idx_service_account_token_account', ['tenantId', 'serviceAccountId'])
@Index('idx_service_account_token_prefix', ['prefix'])
export class ServiceAccountTokenEntity extends TenantKeyed('pk_service_account_token') {
  @Column('uuid', { name: 'service_account_id' })
  serviceAccountId!: string;

  @Column('varchar', { length: 16 })
  prefix!: string;

  @Column('bytea', { name: 'token_hash', select: false })
  tokenHash!: Buffer;

  @Column('varchar', { length: 32 })
  scope!: string;

  @Column('uuid', { name: 'created_by_user_id' })
  createdByUserId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;

  @Column('timestamptz', { name: 'last_used_at', nullable: true })
  lastUsedAt!: Date | null;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;

  @Column('uuid', { name: 'revoked_by_user_id', nullable: true })
  revokedByUserId!: string | null;

  @ManyToOne(() => ServiceAccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'tenant_id',
      referencedColumnName: 'tenantId',
      foreignKeyConstraintName: 'fk_service_account_token_account',
    },
    {
      name: 'service_account_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_service_account_token_account',
    },
  ])
  serviceAccount?: ServiceAccountEntity;
}

/** The entities of this module, for the catalogue (src/db/entities.ts). */
export const serviceAccountEntities = [ServiceAccountEntity, ServiceAccountTokenEntity];
