import { ConfigError, loadConfig, redactConfig } from '../../src/server/config';
import { loadTracingConfig, TracingConfigError } from '../../src/server/tracingConfig';

describe('loadTracingConfig', () => {
  it('is off when no endpoint is named, or an endpoint is empty', () => {
    expect(loadTracingConfig({})).toBeNull();
    expect(loadTracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: '  ', ROLEGRAPH_OTLP_ENDPOINT: '' })).toBeNull();
    expect(loadTracingConfig({ OTEL_SERVICE_NAME: 'handbook-api' })).toBeNull();
  });

  it('sends to <base>/v1/traces under OTEL_EXPORTER_OTLP_ENDPOINT or ROLEGRAPH_OTLP_ENDPOINT', () => {
    expect(loadTracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toEqual({ url: 'http://collector:4318/v1/traces', serviceName: 'rolegraph' });
    expect(loadTracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'https://otel.example.com/otlp/' })).toEqual({ url: 'https://otel.example.com/otlp/v1/traces', serviceName: 'rolegraph' });
    expect(loadTracingConfig({ ROLEGRAPH_OTLP_ENDPOINT: 'http://127.0.0.1:4318' })?.url).toBe('http://127.0.0.1:4318/v1/traces');
  });

  it('takes OTEL_EXPORTER_OTLP_TRACES_ENDPOINT as the traces URL itself', () => {
    expect(loadTracingConfig({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/custom/traces' })?.url).toBe('http://collector:4318/custom/traces');
  });

  it('prefers ROLEGRAPH_OTLP_ENDPOINT, then the traces endpoint, then the base endpoint', () => {
    const all = { ROLEGRAPH_OTLP_ENDPOINT: 'http://ours:1', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://traces:2/t', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://base:3' };
    expect(loadTracingConfig(all)?.url).toBe('http://ours:1/v1/traces');
    expect(loadTracingConfig({ ...all, ROLEGRAPH_OTLP_ENDPOINT: undefined })?.url).toBe('http://traces:2/t');
  });

  it('names the service from OTEL_SERVICE_NAME', () => {
    expect(loadTracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_SERVICE_NAME: 'handbook-api' })?.serviceName).toBe('handbook-api');
  });

  it('is off when OTEL_SDK_DISABLED=true, whatever endpoint is set', () => {
    expect(loadTracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_SDK_DISABLED: 'TRUE' })).toBeNull();
    expect(loadTracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_SDK_DISABLED: 'false' })).not.toBeNull();
  });

  it('refuses an endpoint that is not an http(s) URL, naming the variable', () => {
    expect(() => loadTracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(new TracingConfigError('OTEL_EXPORTER_OTLP_ENDPOINT must be an http or https URL, got collector:'));
    expect(() => loadTracingConfig({ ROLEGRAPH_OTLP_ENDPOINT: 'not a url' })).toThrow(new TracingConfigError('ROLEGRAPH_OTLP_ENDPOINT must be an http or https URL'));
  });
});

describe('tracing in the config', () => {
  it('is part of loadConfig, a bad endpoint being a ConfigError', () => {
    expect(loadConfig({}, { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' }, '/srv').tracing).toEqual({ url: 'http://c:4318/v1/traces', serviceName: 'rolegraph' });
    expect(() => loadConfig({}, { ROLEGRAPH_OTLP_ENDPOINT: 'ftp://c' }, '/srv')).toThrow(ConfigError);
  });

  it('is logged without the credentials of its URL', () => {
    const config = loadConfig({}, { OTEL_EXPORTER_OTLP_ENDPOINT: 'https://user:SECRET5@otel.example.com' }, '/srv');
    const logged = JSON.stringify(redactConfig(config));
    expect(logged).not.toMatch(/SECRET/);
    expect(redactConfig(config).tracing).toEqual({ url: 'https://***@otel.example.com/v1/traces', serviceName: 'rolegraph' });
  });
});
