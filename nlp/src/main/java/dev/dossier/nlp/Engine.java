package dev.dossier.nlp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import edu.emory.mathcs.nlp.component.template.node.NLPNode;
import edu.emory.mathcs.nlp.decode.DecodeConfig;
import edu.emory.mathcs.nlp.decode.NLPDecoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs Emory NLP4J's English pipeline (tokens, part of speech, OntoNotes named entities, dependency parse)
 * behind a small HTTP endpoint on loopback, for Dossier's importer.
 *
 * <p>Environment: {@code DOSSIER_NLP_TOKEN} (required; every request must carry it as a bearer token),
 * {@code DOSSIER_NLP_PORT} (0 = any free port), {@code DOSSIER_NLP_THREADS} (requests decoded at once).
 * Prints exactly one line {@code DOSSIER_NLP_READY {"url":...}} once the models are loaded, and exits when
 * standard input closes, so that the JVM never outlives the Node process that started it.
 *
 * <p>{@code POST /annotate}: the body is UTF-8 text, one sentence per line. The answer has, per sentence,
 * one line per token {@code start TAB end TAB lemma TAB pos TAB ner TAB head TAB label} (offsets in UTF-16
 * code units within the sentence, head 0 = root) and an empty line after the sentence's last token. A
 * plain tab-separated answer keeps the engine free of any JSON library and cheap to parse.
 */
public final class Engine {
    private static final String LOOPBACK = "127.0.0.1";
    private static final String CONFIG = "/edu/emory/mathcs/nlp/configuration/config-decode-en.xml";
    /** A request larger than this is refused: the importer sends one document at a time. */
    private static final int MAX_BODY_BYTES = 8 * 1024 * 1024;
    /** Longer token runs (tables, lists flattened into one line) are cut: parsing them tells nothing. */
    private static final int MAX_SENTENCE_TOKENS = 250;

    private Engine() {}

    public static void main(String[] args) throws Exception {
        String token = System.getenv("DOSSIER_NLP_TOKEN");
        if (token == null || token.length() < 16) {
            fail("NO_TOKEN DOSSIER_NLP_TOKEN must hold a token of 16 or more characters");
        }
        int port = parseInt(System.getenv("DOSSIER_NLP_PORT"), 0);
        int threads = parseInt(System.getenv("DOSSIER_NLP_THREADS"), Runtime.getRuntime().availableProcessors());

        long t0 = System.nanoTime();
        NLPDecoder decoder;
        try (InputStream config = Engine.class.getResourceAsStream(CONFIG)) {
            if (config == null) fail("NO_MODELS the NLP4J configuration is not on the classpath");
            decoder = new NLPDecoder(new DecodeConfig(config));
        }
        long loadMs = (System.nanoTime() - t0) / 1_000_000;

        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(LOOPBACK, port), 64);
        } catch (BindException e) {
            fail("PORT_IN_USE " + port);
            return;
        }
        byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        server.setExecutor(pool);
        server.createContext("/health", exchange -> {
            if (!authorised(exchange, expected)) return;
            reply(exchange, 200, "ok\n");
        });
        server.createContext("/annotate", exchange -> {
            if (!authorised(exchange, expected)) return;
            if (!"POST".equals(exchange.getRequestMethod())) {
                reply(exchange, 405, "POST only\n");
                return;
            }
            byte[] body = readLimited(exchange.getRequestBody());
            if (body == null) {
                reply(exchange, 413, "body larger than " + MAX_BODY_BYTES + " bytes\n");
                return;
            }
            try {
                reply(exchange, 200, annotate(decoder, new String(body, StandardCharsets.UTF_8)));
            } catch (RuntimeException e) {
                reply(exchange, 500, "annotation failed: " + e + "\n");
            }
        });
        server.start();

        System.out.println("DOSSIER_NLP_READY {\"url\":\"http://" + LOOPBACK + ":" + server.getAddress().getPort()
                + "\",\"engine\":\"NLP4J 1.1.3\",\"threads\":" + threads + ",\"loadMs\":" + loadMs + "}");
        System.out.flush();

        byte[] buffer = new byte[256];
        try {
            while (System.in.read(buffer) >= 0) {
                // Input is ignored: only its end matters, because it means the parent process is gone.
            }
        } catch (IOException ignored) {
            // A broken pipe means the same as end of input.
        }
        server.stop(0);
        pool.shutdownNow();
        System.exit(0);
    }

    static String annotate(NLPDecoder decoder, String body) {
        StringBuilder out = new StringBuilder(body.length() * 4);
        for (String sentence : body.split("\n", -1)) {
            if (!sentence.isBlank()) appendSentence(out, decoder, sentence);
            out.append('\n');
        }
        return out.toString();
    }

    private static void appendSentence(StringBuilder out, NLPDecoder decoder, String sentence) {
        var tokens = decoder.getTokenizer().tokenize(sentence);
        if (tokens.size() > MAX_SENTENCE_TOKENS) tokens = tokens.subList(0, MAX_SENTENCE_TOKENS);
        if (tokens.isEmpty()) return;
        NLPNode[] nodes = decoder.decode(decoder.toNodeArray(tokens));
        for (int i = 1; i < nodes.length; i++) {
            NLPNode n = nodes[i];
            NLPNode head = n.getDependencyHead();
            out.append(n.getStartOffset()).append('\t').append(n.getEndOffset()).append('\t')
                    .append(clean(n.getLemma())).append('\t').append(clean(n.getPartOfSpeechTag())).append('\t')
                    .append(clean(n.getNamedEntityTag())).append('\t').append(head == null ? 0 : head.getID())
                    .append('\t').append(clean(n.getDependencyLabel())).append('\n');
        }
    }

    private static String clean(String value) {
        if (value == null || value.isEmpty()) return "_";
        return value.replace('\t', ' ').replace('\n', ' ');
    }

    private static boolean authorised(HttpExchange exchange, byte[] expected) throws IOException {
        String given = exchange.getRequestHeaders().getFirst("Authorization");
        byte[] bytes = given == null ? new byte[0] : given.getBytes(StandardCharsets.UTF_8);
        if (MessageDigest.isEqual(bytes, expected)) return true;
        reply(exchange, 401, "missing or wrong token\n");
        return false;
    }

    private static byte[] readLimited(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[65536];
        int n;
        while ((n = in.read(chunk)) >= 0) {
            buffer.write(chunk, 0, n);
            if (buffer.size() > MAX_BODY_BYTES) return null;
        }
        return buffer.toByteArray();
    }

    private static void reply(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/tab-separated-values; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(bytes);
        }
    }

    private static int parseInt(String value, int fallback) {
        if (value == null || value.isBlank()) return fallback;
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            fail("BAD_SETTING not a number: " + value);
            return fallback;
        }
    }

    private static void fail(String line) {
        System.err.println("DOSSIER_NLP_ERROR " + line);
        System.exit(2);
    }
}
