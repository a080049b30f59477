import { loadConfig } from '../../server/config';

describe('configuration', () => {
  it('defaults to loopback, port 8080 and the embedded Neo4j', () => {
    const config = loadConfig({}, '/project');
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(8080);
    expect(config.neo4j.uri).toBeUndefined();
    expect(config.neo4j.dataDir).toBe('/project/.data/neo4j');
    expect(config.cypher).toEqual({ timeoutMs: 10_000, maxRows: 5_000, maxBytes: 8_000_000 });
    expect(config.rateLimits).toEqual({ api: 600, cypher: 30 });
  });

  it('refuses to bind beyond loopback without a token', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(
      expect.objectContaining({ name: 'InvalidInputError', message: expect.stringMatching(/DOSSIER_TOKEN/) }),
    );
    expect(loadConfig({ HOST: '0.0.0.0', DOSSIER_TOKEN: 'a-long-enough-secret' }).token).toBe('a-long-enough-secret');
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ NEO4J_URI: 'http://localhost:7474' })).toThrow(/NEO4J_URI/);
    expect(() => loadConfig({ CYPHER_MAX_ROWS: '0' })).toThrow(/CYPHER_MAX_ROWS/);
  });

  it('accepts cluster and Aura URIs', () => {
    expect(loadConfig({ NEO4J_URI: 'neo4j://cluster.example:7687' }).neo4j.uri).toBe('neo4j://cluster.example:7687');
    expect(loadConfig({ NEO4J_URI: 'neo4j+s://abcd.databases.neo4j.io' }).neo4j.uri).toMatch(/^neo4j\+s/);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ NEO4J_URI: '', PORT: '' }).port).toBe(8080);
  });

  it('keeps uploads in the jobs folder, with limits in megabytes and files', () => {
    const config = loadConfig({}, '/project');
    expect(config.uploads).toEqual({
      jobsDir: '/project/.data/jobs',
      dir: '/project/.data/jobs/uploads',
      maxFileBytes: 50 * 1024 * 1024,
      documentTimeoutMs: 120_000,
      maxRequestBytes: 500 * 1024 * 1024,
      maxFiles: 500,
    });
    expect(loadConfig({ UPLOAD_MAX_FILE_MB: '0.5' }).uploads.maxFileBytes).toBe(524_288);
    expect(() => loadConfig({ UPLOAD_MAX_FILES: '0' })).toThrow(/UPLOAD_MAX_FILES/);
    expect(() => loadConfig({ UPLOAD_MAX_FILE_MB: 'lots' })).toThrow(/UPLOAD_MAX_FILE_MB/);
  });
});
