package io.github.pineconeimports.function.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;

/**
 * {@code GET /q/openapi}: deploy/openapi.yaml as written (packaged as META-INF/openapi.yaml, and into the native
 * image by quarkus.native.resources.includes). The function is described by hand, not scanned (Funqy functions
 * are not JAX-RS resources), so serving the file is all there is to do; an OpenAPI extension would parse it into a
 * model at every start, the command line's included.
 */
@ApplicationScoped
public class OpenApiRoute {

    static final String PATH = "/q/openapi";

    private volatile Buffer document;

    void serve(@Observes Router router) {
        router.get(PATH).handler(context -> context.response()
                .putHeader("Content-Type", "application/yaml;charset=UTF-8").end(document()));
    }

    /** Read on the first request, never at start-up. */
    private Buffer document() {
        if (document == null) {
            try (InputStream in = OpenApiRoute.class.getResourceAsStream("/META-INF/openapi.yaml")) {
                if (in == null) {
                    throw new IllegalStateException("META-INF/openapi.yaml is not packaged");
                }
                document = Buffer.buffer(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return document;
    }
}
