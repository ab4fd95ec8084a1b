package io.github.pineconeimports.function.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;

/**
 * {@code GET /q/openapi}: deploy/openapi.yaml as written (packaged as META-INF/openapi.yaml). The function is
 * described by hand, not scanned (Funqy functions are not JAX-RS resources), so serving the file is all there is to
 * do; an OpenAPI extension would parse it into a model at every start, the command line's included.
 */
@ApplicationScoped
public class OpenApiDocument {

    static final String PATH = "/q/openapi";

    void serve(@Observes Router router) {
        router.get(PATH).handler(context -> context.response()
                .putHeader("Content-Type", "application/yaml;charset=UTF-8").end(Buffer.buffer(document())));
    }

    /** Read on the first request, never at start-up. */
    private static byte[] document() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("META-INF/openapi.yaml is not packaged");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
