package io.github.pineconeimports.function.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.github.pineconeimports.client.ApiKeySecret;
import io.github.pineconeimports.client.Connection;
import io.github.pineconeimports.client.IndexHost;
import io.github.pineconeimports.client.PineconeConfig;
import io.github.pineconeimports.client.PineconeConfigException;

/**
 * Ready when the Pinecone connection is configured: a key is set, and the index host is usable or indexes are
 * named (through the control plane, which must be usable too), not both. It does not
 * call Pinecone, so a probe every few seconds costs nothing upstream and an outage there does not take every
 * replica out of service at once.
 */
@Readiness
@ApplicationScoped
public class ConfigurationReadiness implements HealthCheck {

    @Inject
    PineconeConfig config;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder check = HealthCheckResponse.named("pinecone-configuration");
        try {
            Connection connection = Connection.of(config);
            if (config.apiKeySecret().isPresent() && connection.apiKey() == null) {
                // the key is read from its secret on the first call that needs it, never by a probe
                connection = connection.withApiKey("(from " + ApiKeySecret.VARIABLE + ")");
            }
            if (connection.indexHost() != null && connection.index() != null) {
                throw new PineconeConfigException(Connection.INDEX_VARIABLE + " and " + IndexHost.VARIABLE + " are both set: keep one");
            }
            if (connection.indexHost() != null) {
                return check.up().withData("indexHost", connection.host().host()).build();
            }
            // indexes by name: the control plane resolves them on the first call that needs them
            IndexHost controlPlane = connection.controlPlane();
            return check.up().withData("index", connection.index() == null ? "named by each call" : connection.index())
                    .withData("controllerHost", controlPlane.host()).build();
        } catch (PineconeConfigException e) {
            return check.down().withData("problem", e.getMessage()).build();
        }
    }
}
