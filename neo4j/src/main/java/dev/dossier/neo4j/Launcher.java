package dev.dossier.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Runs Neo4j Community embedded with Bolt on loopback, for Dossier's own scripts.
 *
 * <p>Usage: {@code Launcher <dataDir> <boltPort>} (port 0 picks any free port). Prints exactly one line
 * {@code DOSSIER_NEO4J_READY {"bolt":"bolt://127.0.0.1:PORT",...}} once Bolt accepts connections, and shuts the
 * database down cleanly on SIGTERM/SIGINT or when standard input closes, so that the JVM never outlives the
 * Node process that started it.
 *
 * <p>Bolt requires credentials. On the first start of a data directory (new, or from a version that ran without
 * authentication) the launcher draws a random password for the user {@code neo4j}, sets it in the system
 * database and only then writes it to {@code <dataDir>/credentials.json}, readable by its owner only; later
 * starts keep it. Deleting that file sets a new password at the next start.
 */
public final class Launcher {
    private static final String LOOPBACK = "127.0.0.1";
    /** Read by graph/neo4j/embedded-neo4j.ts under the same name. */
    static final String CREDENTIALS_FILE = "credentials.json";
    private static final String USER = "neo4j";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            fail("usage: Launcher <dataDir> <boltPort>");
        }
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        int port = parsePort(args[1]);
        Files.createDirectories(dataDir);

        long heap = Runtime.getRuntime().maxMemory();
        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(dataDir)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(LOOPBACK, port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress(LOOPBACK, port))
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(HttpsConnector.enabled, false)
                    // Loopback is no boundary between local users and processes: Bolt asks for the password.
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    // Sized for a 2-core laptop; the heap is set by the caller with -Xms/-Xmx.
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(256))
                    .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(120))
                    // What Neo4j's memory tracker sees (collect, sort, distinct, eager buffers) is refused well
                    // before the heap runs out: a quarter of the heap per transaction, half for all of them.
                    // Values built inside one expression (a string grown by reduce, a list comprehension) are not
                    // tracked; those end with an OutOfMemoryError in their own query (see embedded-neo4j.ts).
                    .setConfig(GraphDatabaseSettings.memory_transaction_max_size, heap / 4)
                    .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, heap / 2)
                    .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    .build();
        } catch (RuntimeException e) {
            fail(describeStartFailure(e, dataDir));
            return;
        }

        try {
            ensureCredentials(dbms, dataDir);
        } catch (IOException | RuntimeException e) {
            dbms.shutdown();
            fail("CREDENTIALS_FAILED " + e);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean(false);
        Runnable stop = () -> {
            if (stopping.compareAndSet(false, true)) {
                try {
                    dbms.shutdown();
                } finally {
                    stopped.countDown();
                }
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.run();
            awaitQuietly(stopped);
        }, "dossier-neo4j-shutdown"));

        GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        var bolt = db.getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
        String uri = "bolt://" + LOOPBACK + ":" + bolt.getPort();
        System.out.println("DOSSIER_NEO4J_READY {\"bolt\":\"" + uri + "\",\"dataDir\":\""
                + dataDir.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"heapBytes\":" + heap
                + ",\"transactionMaxBytes\":" + heap / 4 + ",\"transactionTotalMaxBytes\":" + heap / 2 + "}");
        System.out.flush();

        Thread watcher = new Thread(() -> {
            waitForEndOfInput(System.in);
            stop.run();
        }, "dossier-neo4j-stdin-watch");
        watcher.setDaemon(true);
        watcher.start();

        stopped.await();
        System.exit(0);
    }

    /**
     * Keeps the password of {@code neo4j} in the credentials file. The file is written to a temporary name first
     * and moved in place after the password is set, so a crash in between leaves no file that does not work.
     */
    private static void ensureCredentials(DatabaseManagementService dbms, Path dataDir) throws IOException {
        Path file = dataDir.resolve(CREDENTIALS_FILE);
        if (Files.exists(file)) {
            restrictToOwner(file);
            if (readPassword(file) != null) {
                return;
            }
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path pending = dataDir.resolve(CREDENTIALS_FILE + ".new");
        Files.deleteIfExists(pending);
        createOwnerOnly(pending);
        Files.writeString(pending, "{\"user\":\"" + USER + "\",\"password\":\"" + password + "\"}\n", StandardCharsets.UTF_8);
        dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                "ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        try {
            Files.move(pending, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(pending, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String readPassword(Path file) throws IOException {
        Matcher match = Pattern.compile("\"password\"\\s*:\\s*\"([A-Za-z0-9_-]{16,})\"")
                .matcher(Files.readString(file, StandardCharsets.UTF_8));
        return match.find() ? match.group(1) : null;
    }

    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system: the directory's access rules apply
        }
    }

    /** A file copied in with wider permissions is narrowed again: it holds the database password. */
    private static void restrictToOwner(Path file) throws IOException {
        try {
            if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: nothing to narrow.
        }
    }

    private static void waitForEndOfInput(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // Input is ignored: only its end matters, because it means the parent process is gone.
            }
        } catch (IOException ignored) {
            // A broken pipe means the same as end of input.
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535) {
                fail("invalid Bolt port " + text + ": expected 0..65535");
            }
            return port;
        } catch (NumberFormatException e) {
            fail("invalid Bolt port " + text + ": expected a number");
            return -1;
        }
    }

    private static String describeStartFailure(Throwable e, Path dataDir) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof java.net.BindException || message.contains("Address already in use")) {
                return "PORT_IN_USE " + message;
            }
            if (message.contains("FileLockException") || message.contains("Lock file has been locked")
                    || message.contains("locked by another process") || t.getClass().getSimpleName().contains("FileLock")) {
                return "DATA_DIR_LOCKED " + dataDir;
            }
        }
        return "START_FAILED " + e;
    }

    private static void fail(String message) {
        System.err.println("DOSSIER_NEO4J_ERROR " + message);
        System.exit(2);
    }
}
