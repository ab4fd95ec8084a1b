package io.github.pineconeimports.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.pineconeimports.failure.PineconeException;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;

/**
 * One request and its answer: sent within the timeouts and the caller's deadline, its body a bounded JSON object
 * parsed here, and every failure a {@link PineconeException} with the key masked ({@link CallFailures}).
 */
@ApplicationScoped
class Exchange {

    static final int MAX_BODY_BYTES = 4 * 1024 * 1024; // 100 imports with long URIs and error texts stay far below

    @Inject
    ObjectMapper json;

    private PageReader pages;

    @PostConstruct
    void pageReader() {
        pages = new PageReader(json);
    }

    /** Makes the call and parses its body as {@code type}: JSON of bounded size, or an anomaly (not worth a retry). */
    <T> T call(Connection connection, Supplier<Uni<byte[]>> request, Class<T> type) {
        return read(connection, request, body -> json.readValue(body, type));
    }

    /** A page of imports, read in one pass (see {@link PageReader}). */
    ListImportsResponse page(Connection connection, Supplier<Uni<byte[]>> request) {
        return read(connection, request, pages::read);
    }

    private interface Parser<T> {
        T parse(byte[] body) throws IOException;
    }

    private static <T> T read(Connection connection, Supplier<Uni<byte[]>> request, Parser<T> parser) {
        byte[] body = jsonBytes(connection, send(connection, request));
        try {
            return parser.parse(body);
        } catch (JsonProcessingException e) {
            throw anomaly(connection, "malformed JSON (" + PineconeErrorMapper.clip(e.getOriginalMessage()) + ")");
        } catch (IOException e) {
            throw anomaly(connection, "unreadable JSON (" + PineconeErrorMapper.clip(e.getMessage()) + ")");
        }
    }

    /** A body is a JSON object of bounded size, or it is an anomaly: reported, and not worth a retry. */
    private static byte[] jsonBytes(Connection connection, byte[] body) {
        int first = 0;
        while (body != null && first < body.length && Character.isWhitespace(body[first])) {
            first++;
        }
        if (body == null || first == body.length) {
            throw anomaly(connection, "an empty answer");
        }
        if (body.length > MAX_BODY_BYTES) {
            throw anomaly(connection, "a body over the " + MAX_BODY_BYTES + "-byte cap");
        }
        if (body[first] != '{') {
            String start = new String(body, first, Math.min(body.length - first, 60), StandardCharsets.UTF_8);
            throw anomaly(connection, "an answer that is not a JSON object (" + PineconeErrorMapper.clip(start) + ")");
        }
        return body;
    }

    /**
     * Sends the request and waits for its whole answer, at most the connect and read timeouts together and never
     * past the caller's deadline: a server that sends the headers and then stalls must not hold the call forever.
     * Waiting on a Uni cancels the request when the wait ends (its connection is reset, not kept in the pool), and
     * refuses to block an event loop.
     */
    private static byte[] send(Connection connection, Supplier<Uni<byte[]>> request) {
        Duration budget = connection.connectTimeout().plus(connection.readTimeout());
        Duration left = Deadline.remaining();
        boolean deadlineFirst = left.compareTo(budget) < 0;
        if (left.isNegative() || left.isZero()) {
            throw new Deadline.DeadlineExceededException();
        }
        try {
            return request.get().await().atMost(deadlineFirst ? left : budget);
        } catch (TimeoutException e) {
            if (deadlineFirst) {
                throw new Deadline.DeadlineExceededException();
            }
            throw PineconeException.unreachable("no complete answer within " + budget.toMillis()
                    + " ms (PINECONE_CONNECT_TIMEOUT and PINECONE_READ_TIMEOUT)");
        } catch (CompletionException e) {
            throw CallFailures.failed(connection, e.getCause() == null ? e : e.getCause());
        } catch (PineconeException | ProcessingException | WebApplicationException e) {
            throw CallFailures.failed(connection, e);
        } catch (RuntimeException e) {
            // the transport's own failures arrive unwrapped on this path (a timeout, a reset): the network's; any
            // other exception is a bug of ours, shown as such
            throw CallFailures.transport(e) ? CallFailures.failed(connection, e) : e;
        }
    }

    private static PineconeException anomaly(Connection connection, String what) {
        return CallFailures.anomaly(connection, what);
    }
}
