/**
 * OpenTelemetry tracing (issue 16 "Metrics and traces"): HTTP → Express → GraphQL operation and
 * resolvers → SQL (pg), exported by the standard OpenTelemetry SDK. Off by default; on when the
 * standard environment variables ask for an exporter: OTEL_EXPORTER_OTLP_ENDPOINT or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT (OTLP, protocol from OTEL_EXPORTER_OTLP_PROTOCOL), or
 * OTEL_TRACES_EXPORTER (otlp, console, zipkin; `none` keeps it off). OTEL_SDK_DISABLED=true wins.
 *
 * Imported first by src/main.ts: instrumentation patches `http`, `express`, `graphql` and `pg` when
 * they are loaded, so this must run before any of them is. The SDK is loaded only when switched on.
 */
import { tracingRequested } from './tracing-requested';

interface Sdk {
  shutdown(): Promise<void>;
}

let sdk: Sdk | null = null;

export { tracingRequested };

export function startTracing(env: NodeJS.ProcessEnv = process.env): boolean {
  if (sdk || !tracingRequested(env)) return false;
  env.OTEL_SERVICE_NAME ??= 'jixiao-api';
  // Only traces: metrics are Prometheus' (/metrics) and logs are pino's, unless asked for explicitly.
  env.OTEL_METRICS_EXPORTER ??= 'none';
  env.OTEL_LOGS_EXPORTER ??= 'none';
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded synchronously, and only when on */
  const { NodeSDK } = require('@opentelemetry/sdk-node') as typeof import('@opentelemetry/sdk-node');
  const { HttpInstrumentation } =
    require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { ExpressInstrumentation } =
    require('@opentelemetry/instrumentation-express') as typeof import('@opentelemetry/instrumentation-express');
  const { GraphQLInstrumentation } =
    require('@opentelemetry/instrumentation-graphql') as typeof import('@opentelemetry/instrumentation-graphql');
  const { PgInstrumentation } =
    require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const started = new NodeSDK({
    instrumentations: [
      // Health probes and scrapes would drown the traces of real requests.
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => /^\/(healthz|readyz|metrics|ide\/)/.test(req.url ?? ''),
      }),
      new ExpressInstrumentation(),
      // One span per operation phase (parse, validate, execute) and per non-trivial resolver.
      new GraphQLInstrumentation({ mergeItems: true, ignoreTrivialResolveSpans: true }),
      // SQL text without parameter values (values may be personal data).
      new PgInstrumentation({ enhancedDatabaseReporting: false }),
    ],
  });
  started.start();
  sdk = started;
  return true;
}

/** Flushes and stops the exporter (at shutdown, so the last spans are not lost). */
export async function stopTracing(): Promise<void> {
  const running = sdk;
  sdk = null;
  if (running) await running.shutdown();
}

startTracing();
