package io.github.pineconeimports.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * More concurrent callers than worker threads. Each call blocks a worker on its upstream pages; if finishing an
 * upstream response needed a worker too (as a REST client response filter made it), the pool would wait on
 * itself for ever. Three times the pool, bounded in time.
 */
@QuarkusTest
class ConcurrencyTest {

    @Test
    void callersBeyondTheWorkerPoolAllGetTheirAnswer() throws Exception {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest
                .newBuilder(URI.create("http://localhost:" + port + "/listImports?status=Failed&all=true"))
                .timeout(Duration.ofSeconds(20)).build();
        List<CompletableFuture<Integer>> calls = IntStream.range(0, 24)
                .mapToObj(i -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                        .thenApply(HttpResponse::statusCode))
                .toList();
        List<Integer> statuses = CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
                .thenApply(done -> calls.stream().map(CompletableFuture::join).toList())
                .get(30, TimeUnit.SECONDS);
        assertEquals(List.of(200), statuses.stream().distinct().toList());
    }
}
