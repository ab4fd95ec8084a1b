package io.github.pineconeimports.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The AWS Lambda Runtime API as a packaged function sees it in AWS (GET .../invocation/next, POST
 * .../invocation/{id}/response or /error), on loopback. Tests queue an event and read back the answer.
 */
public final class LambdaRuntimeApi implements AutoCloseable {

    public record Answer(boolean error, String body) {
    }

    private final HttpServer server;
    private final BlockingQueue<String[]> events = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<Answer>> answers = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final CompletableFuture<Void> polled = new CompletableFuture<>();

    LambdaRuntimeApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/2018-06-01/runtime/", this::handle);
        server.start();
    }

    /** Host and port, as AWS_LAMBDA_RUNTIME_API holds them. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Waits until the function asks for its first event: its initialisation (and any snapshot) is over. */
    public void awaitFirstPoll() throws Exception {
        polled.get(60, TimeUnit.SECONDS);
    }

    /** Hands one event to the function and waits for its answer. */
    public Answer invoke(String event) throws Exception {
        String id = "req-" + ids.incrementAndGet();
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        answers.put(id, answer);
        events.put(new String[] { id, event });
        return answer.get(30, TimeUnit.SECONDS);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.endsWith("/invocation/next")) {
            polled.complete(null);
            String[] next;
            try {
                next = events.poll(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                next = null;
            }
            if (next == null) {
                respond(exchange, 503, "");
                return;
            }
            exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", next[0]);
            exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms",
                    String.valueOf(System.currentTimeMillis() + 30_000));
            exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
                    "arn:aws:lambda:eu-west-1:123456789012:function:pinecone-imports");
            // AWS always sends a trace id; its runtime client dereferences it
            exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id",
                    "Root=1-674a1f00-0123456789abcdef01234567;Parent=0123456789abcdef;Sampled=0");
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            respond(exchange, 200, next[1]);
            return;
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String[] parts = path.split("/");
        // .../runtime/invocation/{id}/response|error
        String id = parts[parts.length - 2];
        CompletableFuture<Answer> answer = answers.remove(id);
        if (answer != null) {
            answer.complete(new Answer(path.endsWith("/error"), body));
        }
        respond(exchange, 202, "{}");
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
