import neo4j from 'neo4j-driver';
import { DatabaseBusyError, DatabaseUnavailableError } from '../../../graph/errors';
import { connectNeo4j, type Neo4jConnection } from '../../../graph/neo4j/connection';
import {
  classifyDriverError,
  inRead,
  inSession,
  inWrite,
  namedDatabaseError,
  type DriverFailure,
} from '../../../graph/neo4j/transaction';
import { connectTestNeo4j, rows } from '../../support/neo4j';

/** A driver error as the driver builds one from a server failure (its GQL status left as the driver's default). */
const driverError = (code: string, message = 'from the server') =>
  new neo4j.Neo4jError(message, code, '50N42', 'error: general processing exception');

/** What the driver raised, whatever it was. */
async function failureOf(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('the work did not fail');
}

describe('classifyDriverError', () => {
  const cases: Array<[string, DriverFailure]> = [
    [neo4j.error.SERVICE_UNAVAILABLE, 'unavailable'],
    [neo4j.error.SESSION_EXPIRED, 'unavailable'],
    ['Neo.TransientError.General.DatabaseUnavailable', 'unavailable'],
    ['Neo.ClientError.Security.Unauthorized', 'unavailable'],
    ['Neo.ClientError.Database.DatabaseNotFound', 'unavailable'],
    ['Neo.ClientError.Transaction.TransactionTimedOut', 'terminated'],
    ['Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'terminated'],
    ['Neo.TransientError.Transaction.Terminated', 'terminated'],
    ['Neo.TransientError.General.OutOfMemoryError', 'memory'],
    ['Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'memory'],
    ['Neo.TransientError.Transaction.DeadlockDetected', 'transient'],
    ['Neo.TransientError.Transaction.LockClientStopped', 'transient'],
    ['Neo.ClientError.Statement.AccessMode', 'forbidden'],
    ['Neo.ClientError.Security.Forbidden', 'forbidden'],
    ['Neo.ClientError.Statement.SyntaxError', 'client'],
    ['Neo.ClientError.Schema.ConstraintValidationFailed', 'client'],
    ['Neo.DatabaseError.General.UnknownError', 'database'],
    [neo4j.error.PROTOCOL_ERROR, 'other'],
  ];
  it.each(cases)('classifies %s as %s', (code, failure) => {
    expect(classifyDriverError(driverError(code))).toBe(failure);
  });

  it('classifies what is not a driver error as other', () => {
    expect(classifyDriverError(new Error('Pool is closed'))).toBe('other');
    expect(classifyDriverError(undefined)).toBe('other');
    expect(classifyDriverError({ code: 42 })).toBe('other');
  });

  it('names a refused connection and a closed driver, as the driver raises them, unavailable', async () => {
    const refused = connectNeo4j({ uri: 'bolt://127.0.0.1:1' });
    const closed = connectTestNeo4j();
    await rows(closed, 'RETURN 1'); // a driver closed before its first connection would open a new pool
    await closed.close();
    try {
      for (const connection of [refused, closed]) {
        const error = await failureOf(() =>
          connection.driver.session().executeRead((tx) => tx.run('RETURN 1'), { timeout: 1_000 }),
        );
        expect(error).toBeInstanceOf(neo4j.Neo4jError);
        expect(classifyDriverError(error)).toBe('unavailable');
      }
    } finally {
      await refused.close();
    }
  });
});

describe('namedDatabaseError', () => {
  it('turns an unavailable Neo4j into DatabaseUnavailableError naming the fix, keeping the cause', () => {
    const cause = driverError(neo4j.error.SERVICE_UNAVAILABLE);
    const named = namedDatabaseError(cause, 'bolt://db.example:7687');
    expect(named).toBeInstanceOf(DatabaseUnavailableError);
    expect((named as Error).message).toMatch(/unreachable at bolt:\/\/db\.example:7687.*NEO4J_URI/);
    expect((named as Error).cause).toBe(cause);
    const refused = namedDatabaseError(driverError('Neo.ClientError.Security.Unauthorized'), 'bolt://x');
    expect((refused as Error).message).toMatch(/NEO4J_USER and NEO4J_PASSWORD/);
  });

  it('turns a transient failure left after the retries into DatabaseBusyError', () => {
    const named = namedDatabaseError(driverError('Neo.TransientError.Transaction.DeadlockDetected'), 'bolt://x');
    expect(named).toBeInstanceOf(DatabaseBusyError);
    expect((named as DatabaseBusyError).details).toEqual({
      neo4jCode: 'Neo.TransientError.Transaction.DeadlockDetected',
    });
  });

  it('leaves every other failure to its caller', () => {
    for (const code of ['Neo.ClientError.Statement.SyntaxError', 'Neo.TransientError.General.OutOfMemoryError']) {
      const error = driverError(code);
      expect(namedDatabaseError(error, 'bolt://x')).toBe(error);
    }
  });
});

describe('inRead, inWrite and inSession', () => {
  let connection: Neo4jConnection;
  beforeAll(() => {
    connection = connectTestNeo4j();
  });
  afterAll(() => connection.close());

  it('commits what inWrite did and reads it back with inRead', async () => {
    await inWrite(connection, (tx) => tx.run("MERGE (:TransactionProbe {id: 'committed'})"));
    const found = await inRead(connection, (tx) =>
      tx.run("MATCH (n:TransactionProbe {id: 'committed'}) RETURN count(n) AS n"),
    );
    expect(found.records[0].get('n').toNumber()).toBe(1);
    await inWrite(connection, (tx) => tx.run('MATCH (n:TransactionProbe) DELETE n'));
  });

  it('rolls back the whole of inWrite when its work throws, and passes on what it threw', async () => {
    const thrown = new Error('the work failed half way');
    const failure = await failureOf(() =>
      inWrite(connection, async (tx) => {
        await tx.run("CREATE (:TransactionProbe {id: 'rolled-back'})");
        throw thrown;
      }),
    );
    expect(failure).toBe(thrown);
    expect(await rows(connection, 'MATCH (n:TransactionProbe) RETURN n')).toEqual([]);
  });

  it('refuses a write inside inRead, as Neo4j does, and leaves that error to its caller', async () => {
    const failure = await failureOf(() => inRead(connection, (tx) => tx.run('CREATE (:TransactionProbe)')));
    expect(classifyDriverError(failure)).toBe('forbidden');
    expect(await rows(connection, 'MATCH (n:TransactionProbe) RETURN n')).toEqual([]);
  });

  it('answers DatabaseUnavailableError from every kind of session once Neo4j is not there', async () => {
    const refused = connectNeo4j({ uri: 'bolt://127.0.0.1:1' });
    try {
      const attempts = [
        () => inRead(refused, (tx) => tx.run('RETURN 1')),
        () => inWrite(refused, (tx) => tx.run('RETURN 1')),
        () => inSession(refused, 'read', (session) => session.run('RETURN 1')),
      ];
      for (const attempt of attempts) {
        const failure = await failureOf(attempt);
        expect(failure).toBeInstanceOf(DatabaseUnavailableError);
        expect((failure as Error).message).toMatch(/unreachable at bolt:\/\/127\.0\.0\.1:1/);
      }
    } finally {
      await refused.close();
    }
  });
});
