import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../common/user-error';
import { IdempotencyKeyField } from '../../idempotency/idempotency-key.field';
import { DateTime } from '../../common/scalars';
import { ServiceAccountScope, ServiceAccountTokenType, ServiceAccountType } from './service-account.types';
import { DEFAULT_TOKEN_DAYS, MAX_TOKEN_DAYS } from '../rules/service-account-rules';

@InputType({ description: '服务账号筛选 — filters on service accounts; all given filters must hold' })
export class ServiceAccountFilter {
  @Field(() => ID, { nullable: true, description: '所属单位 — of this organization' })
  organizationId?: string;

  @Field({ nullable: true, description: '是否启用 — active or deactivated' })
  isActive?: boolean;
}

@InputType({ description: '新建服务账号参数 — the input of createServiceAccount' })
export class CreateServiceAccountInput {
  @Field(() => ID, {
    description: '所属单位 — the organization of your subtree whose jurisdiction the account reads with (P6)',
  })
  organizationId!: string;

  @Field({ description: '名称 — 1–100 characters, unique in the tenant (e.g. “Metabase 财政局看板”)' })
  name!: string;

  @Field(() => String, { nullable: true, description: '说明 — what the account is for, who runs it' })
  description?: string | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType({ description: '签发令牌参数 — the input of issueServiceAccountToken' })
export class IssueServiceAccountTokenInput {
  @Field(() => ID, { description: '服务账号 — the account the token is for' })
  serviceAccountId!: string;

  @Field(() => ServiceAccountScope, {
    defaultValue: ServiceAccountScope.REPORTING_READ,
    description: '权限范围 — what the token may call (default and only value: REPORTING_READ)',
  })
  scope!: ServiceAccountScope;

  @Field(() => Int, {
    defaultValue: DEFAULT_TOKEN_DAYS,
    description: `有效天数 — days until the token expires: 1–${MAX_TOKEN_DAYS}, default ${DEFAULT_TOKEN_DAYS}`,
  })
  expiresInDays!: number;
}

@InputType({ description: '吊销令牌参数 — the input of revokeServiceAccountToken' })
export class RevokeServiceAccountTokenInput {
  @Field(() => ID, { description: 'API 令牌 — the token to revoke (its global id)' })
  tokenId!: string;
}

@InputType({ description: '停用服务账号参数 — the input of deactivateServiceAccount' })
export class DeactivateServiceAccountInput {
  @Field(() => ID, { description: '服务账号 — the account to deactivate' })
  serviceAccountId!: string;
}

@ObjectType({
  description: '新建服务账号结果 — what createServiceAccount returns: the account, or userErrors',
})
export class CreateServiceAccountPayload {
  @Field(() => ServiceAccountType, { nullable: true, description: '服务账号 — as saved; null when refused' })
  serviceAccount?: ServiceAccountType | null;

  @Field(() => [UserError], { description: '操作错误 — why it was refused; empty on success' })
  userErrors!: UserError[];
}

@ObjectType({
  description:
    '签发令牌结果 — what issueServiceAccountToken returns: the token, shown this once, or userErrors',
})
export class IssueServiceAccountTokenPayload {
  @Field(() => String, {
    nullable: true,
    description:
      '令牌 — the bearer token `jx_<prefix>_<secret>`, shown only in this answer: store it now; only its digest is kept',
  })
  token?: string | null;

  @Field(() => ServiceAccountTokenType, {
    nullable: true,
    description: 'API 令牌 — the token’s record (prefix, scope, expiry); null when refused',
  })
  serviceAccountToken?: ServiceAccountTokenType | null;

  @Field(() => DateTime, { nullable: true, description: '到期时间 — the token is refused from this instant' })
  expiresAt?: Date | null;

  @Field(() => [UserError], { description: '操作错误 — why it was refused; empty on success' })
  userErrors!: UserError[];
}

@ObjectType({
  description: '吊销令牌结果 — what revokeServiceAccountToken returns: the token, or userErrors',
})
export class RevokeServiceAccountTokenPayload {
  @Field(() => ServiceAccountTokenType, {
    nullable: true,
    description: 'API 令牌 — the token as revoked; refused from now on; null when refused',
  })
  serviceAccountToken?: ServiceAccountTokenType | null;

  @Field(() => [UserError], { description: '操作错误 — why it was refused; empty on success' })
  userErrors!: UserError[];
}

@ObjectType({
  description: '停用服务账号结果 — what deactivateServiceAccount returns: the account, or userErrors',
})
export class DeactivateServiceAccountPayload {
  @Field(() => ServiceAccountType, {
    nullable: true,
    description: '服务账号 — as deactivated (every token revoked); null when refused',
  })
  serviceAccount?: ServiceAccountType | null;

  @Field(() => [UserError], { description: '操作错误 — why it was refused; empty on success' })
  userErrors!: UserError[];
}
