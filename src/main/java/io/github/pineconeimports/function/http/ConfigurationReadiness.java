package io.github.pineconeimports.function.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.github.pineconeimports.client.ApiKeys;
import io.github.pineconeimports.client.Connection;
import io.github.pineconeimports.client.IndexHost;
import io.github.pineconeimports.client.PineconeConfig;
import io.github.pineconeimports.client.TlsPolicy;
import io.github.pineconeimports.client.RetryPolicy;
import io.github.pineconeimports.failure.PineconeConfigException;

/**
 * Ready when the Pinecone connection is configured: a key (or the secret that holds it), and the index host usable
 * or indexes named through a usable control plane, not both. It calls neither Pinecone nor the secret, so a probe
 * costs nothing upstream and an outage there does not take every replica out of service at once.
 */
@Readiness
@ApplicationScoped
public class ConfigurationReadiness implements HealthCheck {

    @Inject
    PineconeConfig config;

    @Inject
    ApiKeys keys;

    @Inject
    TlsPolicy tls;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder check = HealthCheckResponse.named("pinecone-configuration");
        try {
            if (!keys.configured()) {
                throw new PineconeConfigException(Connection.MISSING_KEY);
            }
            RetryPolicy.check(config.retries(), config.retryDelay());
            tls.check();
            Connection connection = Connection.of(config).oneIndex();
            if (connection.indexHost() != null) {
                return check.up().withData("indexHost", IndexHost.parse(connection.indexHost()).host()).build();
            }
            // indexes by name: the control plane resolves them on the first call that needs them
            IndexHost controlPlane = IndexHost.controller(connection.controllerHost());
            return check.up().withData("index", connection.index() == null ? "named by each call" : connection.index())
                    .withData("controllerHost", controlPlane.host()).build();
        } catch (PineconeConfigException e) {
            return check.down().withData("problem", e.getMessage()).build();
        }
    }
}
