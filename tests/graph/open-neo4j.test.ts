import { loadNeo4jConfig, openNeo4j } from '../../graph/neo4j/open-neo4j';

describe('opening the configured Neo4j', () => {
  it('uses the embedded Neo4j with the data directory under the project by default', () => {
    const config = loadNeo4jConfig({}, '/project');
    expect(config.uri).toBeUndefined();
    expect(config.dataDir).toBe('/project/.data/neo4j');
    expect(config.boltPort).toBe(7687);
  });

  it('names the variable that is wrong', () => {
    expect(() => loadNeo4jConfig({ NEO4J_URI: 'localhost:7687' })).toThrow(
      expect.objectContaining({ name: 'InvalidInputError', message: expect.stringMatching(/NEO4J_URI/) }),
    );
    expect(() => loadNeo4jConfig({ NEO4J_HEAP: 'lots' })).toThrow(/NEO4J_HEAP/);
  });

  it('reports an unreachable NEO4J_URI in one line with the fix', async () => {
    await expect(
      openNeo4j(loadNeo4jConfig({ NEO4J_URI: 'bolt://127.0.0.1:1' }), { reuseRunningEmbedded: false }),
    ).rejects.toMatchObject({
      name: 'DatabaseUnavailableError',
      message: expect.stringMatching(/unreachable at bolt:\/\/127\.0\.0\.1:1.*NEO4J_URI/),
    });
  });

  it('reuses an embedded Neo4j that is already running on the configured port', async () => {
    const port = new URL(process.env.TEST_NEO4J_URI!.replace('bolt:', 'http:')).port;
    // Its password is in its data directory, as under `npm start`.
    const neo4j = await openNeo4j(
      loadNeo4jConfig({ NEO4J_BOLT_PORT: port, NEO4J_DATA_DIR: process.env.TEST_NEO4J_DATA_DIR }),
      { reuseRunningEmbedded: true },
    );
    try {
      expect(neo4j.embedded).toBe(true);
      expect(neo4j.connection.settings.uri).toBe(`bolt://127.0.0.1:${port}`);
    } finally {
      await neo4j.close();
    }
  });
});
