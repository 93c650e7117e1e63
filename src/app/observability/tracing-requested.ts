/**
 * Whether the standard OpenTelemetry variables ask for traces (issue 16): an exporter other than `none`
 * (OTEL_TRACES_EXPORTER) or an OTLP endpoint; OTEL_SDK_DISABLED=true wins. No side effect (tracing.ts
 * starts the SDK on import; the server only asks).
 */
export function tracingRequested(env: NodeJS.ProcessEnv): boolean {
  if (env.OTEL_SDK_DISABLED === 'true') return false;
  const exporter = env.OTEL_TRACES_EXPORTER?.trim();
  if (exporter) return exporter !== 'none';
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}
