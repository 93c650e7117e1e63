import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { tracingRequested } from '../../src/app/observability/tracing';

// Issue 16 "Metrics and traces": OpenTelemetry tracing, off by default, switched on by the standard
// OTEL_* variables; a request's spans go HTTP → GraphQL operation → SQL in one trace.

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
}
interface OtlpRequest {
  resourceSpans: {
    resource: { attributes: { key: string; value: { stringValue?: string } }[] };
    scopeSpans: { spans: OtlpSpan[] }[];
  }[];
}

test('tracing is off unless an OTEL exporter or endpoint is configured', () => {
  expect(tracingRequested({})).toBe(false);
  expect(tracingRequested({ OTEL_TRACES_EXPORTER: 'none' })).toBe(false);
  expect(
    tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTEL_SDK_DISABLED: 'true' }),
  ).toBe(false);
  expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' })).toBe(true);
  expect(tracingRequested({ OTEL_TRACES_EXPORTER: 'console' })).toBe(true);
});

test('OTEL_EXPORTER_OTLP_ENDPOINT sends HTTP → GraphQL → SQL spans of one trace to a collector', async () => {
  // A local OTLP/HTTP (JSON) collector standing in for the operators' one.
  const received: OtlpRequest[] = [];
  const collector: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (req.url === '/v1/traces') received.push(JSON.parse(body) as OtlpRequest);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  const address = collector.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  try {
    const root = join(__dirname, '..', '..');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['-r', join(__dirname, '..', 'harness', 'swc-register.js'), join(__dirname, 'traced-child.ts')],
      {
        cwd: root,
        env: {
          ...process.env,
          OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
          OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
          OTEL_SERVICE_NAME: 'jixiao-test',
          OTEL_BSP_SCHEDULE_DELAY: '100',
        },
        timeout: 90000,
      },
    );
    expect(stdout).toMatch(/"login":"finance\.zibo"/);
    const spans = received.flatMap((r) =>
      r.resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((s) => s.spans)),
    );
    const service = received[0]?.resourceSpans[0]?.resource.attributes.find((a) => a.key === 'service.name');
    expect(service?.value.stringValue).toBe('jixiao-test');
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const ancestors = (span: OtlpSpan): OtlpSpan[] => {
      const parent = span.parentSpanId ? byId.get(span.parentSpanId) : undefined;
      return parent ? [parent, ...ancestors(parent)] : [];
    };
    // The SQL of the traced operation: a pg span under the GraphQL operation, under the HTTP request.
    const traced = spans.filter(
      (s) => /^pg\.query/.test(s.name) && ancestors(s).some((a) => /TracedMe/.test(a.name)),
    );
    expect(traced.length).toBeGreaterThan(0);
    const chain = ancestors(traced[0]).map((s) => s.name);
    expect(chain.some((n) => /^query TracedMe/.test(n))).toBe(true);
    expect(chain[chain.length - 1]).toMatch(/^POST/);
  } finally {
    await new Promise((resolve) => collector.close(resolve));
  }
}, 120000);
