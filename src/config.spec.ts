/** The environment's numbers are read strictly: a typo stops the start with the variable's name instead of starting with NaN or 0. */

function loadConfig(env: Record<string, string>): typeof import('./config') {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    let loaded: typeof import('./config') | undefined;
    jest.isolateModules(() => {
      loaded = jest.requireActual<typeof import('./config')>('./config');
    });
    return loaded!;
  } finally {
    for (const name of Object.keys(env)) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  }
}

describe('numeric settings', () => {
  test.each([
    ['SHUTDOWN_GRACE_MS', '25s', 'SHUTDOWN_GRACE_MS must be a whole number of 0 or more, not "25s".'],
    ['SHUTDOWN_GRACE_MS', '-1', 'SHUTDOWN_GRACE_MS must be a whole number of 0 or more, not "-1".'],
    ['METRICS_PORT', 'metrics', 'METRICS_PORT must be a port number from 0 (any free port) to 65535, not "metrics".'],
    ['PORT', '70000', 'PORT must be a port number from 0 (any free port) to 65535, not "70000".'],
    ['PUBLIC_STATEMENT_TIMEOUT_MS', '5e3', 'PUBLIC_STATEMENT_TIMEOUT_MS must be a whole number of 0 or more, not "5e3".'],
    ['DB_POOL_MAX', '0', 'DB_POOL_MAX must be a whole number of 1 or more, not "0".'],
    ['QUERY_CACHE_MAX_ENTRIES', '1.5', 'QUERY_CACHE_MAX_ENTRIES must be a whole number of 1 or more, not "1.5".'],
    ['RESPONSE_CACHE_MAX_BYTES', 'lots', 'RESPONSE_CACHE_MAX_BYTES must be a whole number of 1 or more, not "lots".'],
  ])('%s=%s is refused', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  test('well-formed values are read, unset ones take their defaults', () => {
    const { config, limitsConfig } = loadConfig({ SHUTDOWN_GRACE_MS: '1500', METRICS_PORT: '9464', PUBLIC_STATEMENT_TIMEOUT_MS: ' 250 ', DB_POOL_MAX: '4' });
    expect(config.shutdownGraceMs).toBe(1_500);
    expect(config.metricsPort).toBe(9_464);
    expect(limitsConfig.publicStatementTimeoutMs).toBe(250);
    expect(limitsConfig.poolMax).toBe(4);
    expect(limitsConfig.publicPoolMax).toBe(4);
    expect(limitsConfig.queryCache.maxEntries).toBe(100);
  });
});
