package io.github.pineconeimports.emulator;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.vertx.ext.web.Router;

/**
 * Puts the emulator on this application's HTTP server when {@code pinecone-emulator.enabled} is true (dev
 * and test profiles), so {@code mvn quarkus:dev} lists imports with no Pinecone account.
 */
@ApplicationScoped
public class EmulatorMount {

    private static final Logger LOG = Logger.getLogger(EmulatorMount.class);

    @Inject
    EmulatorConfig config;

    @Inject
    Clock clock;

    private EmulatorRoutes routes;

    void install(@Observes Router router) {
        if (!config.enabled()) {
            return;
        }
        routes = EmulatorRoutes.of(config.settings(clock));
        routes.mount(router);
        LOG.infof("Pinecone bulk-import emulator serving /bulk/imports with %d imports", config.imports());
    }

    /** The running emulator's data, for tests and demos; null when it is off. */
    public EmulatorStore store() {
        return routes == null ? null : routes.store();
    }
}
