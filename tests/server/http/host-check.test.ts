import type { Server } from 'node:http';
import net from 'node:net';
import request from 'supertest';
import { loadConfig } from '../../../server/config';
import { connectTestNeo4j } from '../../support/neo4j';
import { testApp } from '../test-app';

const TOKEN = 'a-long-enough-test-token-0123456789';

describe('the Host check', () => {
  const connection = connectTestNeo4j();
  const servers: Server[] = [];
  afterAll(async () => {
    for (const server of servers) await new Promise((resolve) => server.close(resolve));
    await connection.close();
  });

  async function serve(env: NodeJS.ProcessEnv = {}): Promise<{ server: Server; port: number }> {
    const server = testApp(connection, { env }).listen(0, '127.0.0.1');
    servers.push(server);
    await new Promise((resolve) => server.once('listening', resolve));
    return { server, port: (server.address() as net.AddressInfo).port };
  }

  it('answers the loopback names on the port the server listens on', async () => {
    const { server, port } = await serve();
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `LocalHost.:${port}`]) {
      const res = await request(server).get('/api/stats').set('Host', host);
      expect([host, res.status]).toEqual([host, 200]);
    }
  });

  it.each([
    'attacker.example',
    'attacker.example:PORT',
    'localhost.attacker.example:PORT',
    '127.0.0.1.nip.io:PORT',
    '127.0.0.1:1',
    'localhost',
    '',
    'localhost:PORT/evil',
  ])('refuses Host %j with 403 FORBIDDEN naming ALLOWED_HOSTS, on the API and the client alike', async (template) => {
    const { server, port } = await serve();
    const host = template.replace('PORT', String(port));
    for (const path of ['/api/stats', '/', '/index.html']) {
      const res = await request(server).get(path).set('Host', host);
      expect([path, res.status]).toEqual([path, 403]);
      expect(res.body.error).toMatchObject({ code: 'FORBIDDEN', details: { rule: 'HOST' } });
      expect(res.body.error.message).toMatch(/ALLOWED_HOSTS/);
    }
  });

  it('refuses a request without a Host header', async () => {
    const { port } = await serve();
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => socket.end('GET /api/stats HTTP/1.0\r\n\r\n'));
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString()));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 403/);
  });

  it('answers the names of ALLOWED_HOSTS, on their port when one is given and on any otherwise', async () => {
    const { server, port } = await serve({ ALLOWED_HOSTS: 'dossier.example.org, other.example:9000,[fd00::5]' });
    const status = async (host: string) => (await request(server).get('/api/stats').set('Host', host)).status;
    expect(await status('dossier.example.org')).toBe(200);
    expect(await status(`dossier.example.org:${port}`)).toBe(200);
    expect(await status('DOSSIER.example.org:443')).toBe(200);
    expect(await status('other.example:9000')).toBe(200);
    expect(await status('other.example')).toBe(403);
    expect(await status('[fd00::5]:8080')).toBe(200);
    expect(await status('evil.dossier.example.org')).toBe(403);
  });

  it('answers the address HOST names when it is one interface', async () => {
    const { server } = await serve({ HOST: '10.1.2.3', DOSSIER_TOKEN: TOKEN });
    const res = await request(server).get('/api/stats').set('Host', '10.1.2.3:8080').set('X-Dossier-Token', TOKEN);
    expect(res.status).toBe(200);
  });
});

describe('ALLOWED_HOSTS', () => {
  it('is a list of host names, each optionally with a port', () => {
    expect(loadConfig({ ALLOWED_HOSTS: 'a.example,B.example:81,[fd00::1]:82' }).allowedHosts).toEqual([
      { name: 'a.example', port: undefined },
      { name: 'b.example', port: 81 },
      { name: 'fd00::1', port: 82 },
    ]);
    expect(loadConfig({}).allowedHosts).toEqual([]);
  });

  it.each(['*', 'http://a.example', 'a.example/path', 'a.example:99999', 'a.example,,b.example', 'user@a.example'])(
    'refuses %j, naming the variable',
    (value) => {
      expect(() => loadConfig({ ALLOWED_HOSTS: value })).toThrow(
        expect.objectContaining({ name: 'InvalidInputError', message: expect.stringMatching(/ALLOWED_HOSTS/) }),
      );
    },
  );
});
