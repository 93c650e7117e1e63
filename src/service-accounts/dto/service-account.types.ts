import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { ServiceAccountScope } from '../../auth/service-account-token';
import { connectionType } from '../../common/pagination';
import { DateTime } from '../../common/scalars';
import { Node } from '../../common/node';

export { ServiceAccountScope };

registerEnumType(ServiceAccountScope, {
  name: 'ServiceAccountScope',
  description: '服务账号权限范围 — what a service-account token may call (issue 14); it never writes',
  valuesConfig: {
    REPORTING_READ: {
      description:
        '报表只读 — the read-only reporting queries (aggregate, regionReport, resultRanking, congressPackage; the CSV and DOCX exports) within the account’s organization’s jurisdiction; every mutation is refused (FORBIDDEN)',
    },
  },
});

/** 令牌状态 — whether a token is accepted now. */
export enum ServiceAccountTokenState {
  ACTIVE = 'ACTIVE',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}
registerEnumType(ServiceAccountTokenState, {
  name: 'ServiceAccountTokenState',
  description: '令牌状态 — whether a service-account token is accepted now',
  valuesConfig: {
    ACTIVE: { description: '有效 — accepted (while its account is active)' },
    EXPIRED: { description: '已过期 — past its expiry: refused' },
    REVOKED: { description: '已吊销 — revoked (or its account deactivated): refused' },
  },
});

@ObjectType('ServiceAccountToken', {
  implements: Node,
  description:
    'API 令牌 — a token of a service account: its prefix, scope, expiry, last use and revocation; the secret is shown once when issued and never stored',
})
export class ServiceAccountTokenType extends Node {
  @Field({ description: '令牌前缀 — the token’s public prefix (`jx_<prefix>_…`), to recognise it' })
  prefix!: string;

  @Field(() => ServiceAccountScope, { description: '权限范围 — what the token may call' })
  scope!: ServiceAccountScope;

  @Field(() => ServiceAccountTokenState, { description: '令牌状态 — accepted now or not' })
  state!: ServiceAccountTokenState;

  @Field(() => DateTime, { description: '签发时间 — issued at' })
  createdAt!: Date;

  @Field(() => DateTime, { description: '到期时间 — refused from this instant' })
  expiresAt!: Date;

  @Field(() => DateTime, {
    nullable: true,
    description: '最近使用 — last accepted request (recorded at most once a minute); null if never used',
  })
  lastUsedAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: '吊销时间 — revoked at; null while not revoked' })
  revokedAt!: Date | null;
}

export const ServiceAccountTokenConnection = connectionType(
  ServiceAccountTokenType,
  'ServiceAccountToken',
  'API 令牌',
);

@ObjectType('ServiceAccount', {
  implements: Node,
  description:
    '服务账号 — a non-person caller (BI tool, script) of one organization: reads with that organization’s jurisdiction, within its tokens’ scope; no password',
})
export class ServiceAccountType extends Node {
  @Field({ description: '名称 — name, unique in the tenant' })
  name!: string;

  @Field(() => String, { nullable: true, description: '说明 — what the account is for' })
  description!: string | null;

  @Field({ description: '是否启用 — false after deactivation: every token refused' })
  isActive!: boolean;

  @Field(() => DateTime, { description: '创建时间 — created at' })
  createdAt!: Date;

  @Field(() => DateTime, { nullable: true, description: '停用时间 — deactivated at; null while active' })
  deactivatedAt!: Date | null;
}

export const ServiceAccountConnection = connectionType(ServiceAccountType, 'ServiceAccount', '服务账号');
