import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError, GraphQLSchema, ParseOptions } from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import type { AppConfig } from '../../config/config';
import type { RequestContext } from '../../common/request-context';
import { costEstimators, operationCost } from './cost';
import { LeakyBucket, type BucketState, type SpendResult } from './leaky-bucket';
import { tooComplex, rateLimited, type Audience } from './limit-errors';
import { countTokens, measureShape } from './measure';

interface Limits {
  depth: number;
  aliases: number;
  tokens: number;
  cost: number;
}

export interface QueryLimits {
  /** Apollo plugin: every limit checked before execution, cost and budget reported in `extensions`. */
  plugin: ApolloServerPlugin<RequestContext>;
  /** Parse-time token limit (the signed-in one): a larger document is never parsed in full. */
  parseOptions: ParseOptions;
}

/**
 * Issue 8 items 2 and 16. Before a request executes: tokens, depth, aliases and estimated cost against
 * the caller's limits (anonymous callers have lower ones), then the cost is spent from the caller's
 * leaky bucket. Any refusal names the limit and the measured value; nothing runs.
 */
export function queryLimits(config: AppConfig): QueryLimits {
  const limits: Record<Audience, Limits> = {
    signedIn: {
      depth: config.QUERY_MAX_DEPTH,
      aliases: config.QUERY_MAX_ALIASES,
      tokens: config.QUERY_MAX_TOKENS,
      cost: Math.min(config.QUERY_MAX_COST, config.RATE_LIMIT_BUCKET),
    },
    anonymous: {
      depth: config.QUERY_MAX_DEPTH_ANONYMOUS,
      aliases: config.QUERY_MAX_ALIASES_ANONYMOUS,
      tokens: config.QUERY_MAX_TOKENS_ANONYMOUS,
      cost: Math.min(config.QUERY_MAX_COST_ANONYMOUS, config.RATE_LIMIT_BUCKET_ANONYMOUS),
    },
  };
  const buckets: Record<Audience, LeakyBucket> = {
    signedIn: new LeakyBucket(config.RATE_LIMIT_BUCKET, config.RATE_LIMIT_LEAK_PER_SECOND),
    anonymous: new LeakyBucket(
      config.RATE_LIMIT_BUCKET_ANONYMOUS,
      config.RATE_LIMIT_LEAK_PER_SECOND_ANONYMOUS,
    ),
  };
  const estimators = new WeakMap<GraphQLSchema, ComplexityEstimator[]>();
  const estimatorsOf = (schema: GraphQLSchema) => {
    const known = estimators.get(schema);
    if (known) return known;
    const built = costEstimators(schema);
    estimators.set(schema, built);
    return built;
  };

  const plugin: ApolloServerPlugin<RequestContext> = {
    // Built once at start-up, not during the first request.
    async serverWillStart({ schema }) {
      estimatorsOf(schema);
    },

    async requestDidStart({ contextValue }) {
      const principal = contextValue.principal;
      const audience: Audience = principal ? 'signedIn' : 'anonymous';
      const key = principal
        ? `user:${principal.tenantId}:${principal.userId}`
        : `address:${contextValue.clientAddress}`;
      const limit = limits[audience];
      const bucket = buckets[audience];
      let tokens = 0;
      let cost: number | null = null;
      let spent: SpendResult | null = null;

      return {
        async didResolveSource({ source }) {
          tokens = countTokens(source);
        },

        async didResolveOperation({ schema, document, request, operationName }) {
          if (tokens > limit.tokens) throw tooComplex('tokens', limit.tokens, tokens, audience);
          const shape = measureShape(schema, document);
          if (shape.depth > limit.depth) throw tooComplex('depth', limit.depth, shape.depth, audience);
          if (shape.aliases > limit.aliases)
            throw tooComplex('aliases', limit.aliases, shape.aliases, audience);
          cost = operationCost(
            schema,
            estimatorsOf(schema),
            document,
            request.variables,
            operationName ?? undefined,
          );
          if (cost > limit.cost) throw tooComplex('cost', limit.cost, cost, audience);
          spent = bucket.spend(key, cost);
          if (!spent.allowed) throw rateLimited(cost, spent.remaining, spent.retryAfterSeconds);
        },

        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          // Over the signed-in token limit the parser stopped early (parseOptions); say which limit.
          if (
            tokens > limit.tokens &&
            result.errors?.some((e) => e.extensions?.code === 'GRAPHQL_PARSE_FAILED')
          ) {
            result.errors = [formatted(tooComplex('tokens', limit.tokens, tokens, audience))];
            response.http.status = 400;
          }
          if (spent && !spent.allowed)
            response.http.headers.set('retry-after', String(spent.retryAfterSeconds));
          const budget: BucketState = spent ?? bucket.peek(key);
          result.extensions = {
            ...result.extensions,
            cost: { requested: cost, limit: limit.cost },
            rateLimit: {
              limit: budget.limit,
              remaining: budget.remaining,
              resetAfterSeconds: budget.resetAfterSeconds,
              leakPerSecond: bucket.leakPerSecond,
            },
          };
        },
      };
    },
  };
  return { plugin, parseOptions: { maxTokens: Math.max(limits.signedIn.tokens, limits.anonymous.tokens) } };
}

/** A refusal (RefusalError) as Apollo formats it (without the HTTP status it carries for the response). */
function formatted(error: ReturnType<typeof tooComplex>): GraphQLFormattedError {
  const { http: _http, ...extensions } = error.extensions;
  return { message: error.message, extensions };
}
