import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import { decodeParameterName, withoutSecrets } from '../../../server/http/log-redaction';
import { connectTestNeo4j } from '../../support/neo4j';
import { testApp } from '../test-app';

const SECRET = 'Zq8secretParticipantToken0123456789abcdef';

/** Every way a client can spell a secret parameter's name in a query string. */
const SPELLINGS = [
  'token',
  'TOKEN',
  '%74oken',
  '%74%6F%6B%65%6E',
  '%2574oken', // encoded twice
  't%6Fken',
  'access_token',
  'access%5Ftoken',
  'token%5B%5D',
  'token[]',
  'x-api-token',
  'password',
];

describe('secret query parameters in the request log', () => {
  const connection = connectTestNeo4j();
  afterAll(() => connection.close());

  it.each(SPELLINGS)('never shows the value of ?%s=…', async (name) => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
    const app = testApp(connection, { logger: pino({ level: 'info' }, sink) });
    await request(app).get(`/api/workshops/w1/events?a=1&${name}=${SECRET}&b=2`);
    await request(app).get(`/api/stats?${name}=${SECRET}`);
    const log = lines.join('\n');
    expect(lines).toHaveLength(2);
    expect(log).not.toContain(SECRET);
    const urls = lines.map((line) => JSON.parse(line).req.url as string);
    expect(urls[0]).toBe(`/api/workshops/w1/events?a=1&${name}=[redacted]&b=2`);
  });

  it('keeps parameters that are not secrets, and URLs without a query, as they are', () => {
    expect(withoutSecrets('/api/search?q=shoigu&limit=5')).toBe('/api/search?q=shoigu&limit=5');
    expect(withoutSecrets('/api/nodes/state%3Arussia')).toBe('/api/nodes/state%3Arussia');
    expect(withoutSecrets('/api/x?token=a;token=b&q=c')).toBe('/api/x?token=[redacted];token=[redacted]&q=c');
  });

  it('decodes names the way a query parser does, malformed sequences included', () => {
    expect(decodeParameterName('%74oken')).toBe('token');
    expect(decodeParameterName('%2574oken')).toBe('token');
    expect(decodeParameterName('to+ken%ff')).toBe('to ken\u00ff');
  });
});
