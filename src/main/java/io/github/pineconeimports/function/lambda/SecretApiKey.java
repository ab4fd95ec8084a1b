package io.github.pineconeimports.function.lambda;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.pineconeimports.client.ApiKeys;
import io.github.pineconeimports.client.Expiring;
import io.github.pineconeimports.client.PineconeConfig;
import io.github.pineconeimports.client.RestClients;
import io.github.pineconeimports.failure.Failure.Kind;
import io.github.pineconeimports.failure.SecretException;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The key read at run time from AWS Secrets Manager ({@code PINECONE_API_KEY_SECRET}: a secret's name or ARN) through
 * the AWS Parameters and Secrets Lambda Extension, so it never sits in the function's environment. Fetched on the
 * first call that needs it (never before a SnapStart snapshot), kept for {@code pinecone.api-key-secret-ttl}, and
 * fetched again after Pinecone rejects it. It also picks the application's key door ({@link #apiKeys}).
 */
@ApplicationScoped
@Typed(SecretApiKey.class)
public class SecretApiKey implements ApiKeys {

    public static final String VARIABLE = "PINECONE_API_KEY_SECRET";

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SecretValue(@JsonProperty("SecretString") String secretString) {
    }

    @Inject
    PineconeConfig config;

    @Inject
    RestClients rest;

    @Inject
    ObjectMapper json;

    /** AWS_SESSION_TOKEN, which the extension requires as X-Aws-Parameters-Secrets-Token. */
    @ConfigProperty(name = "aws.session-token")
    Optional<String> sessionToken;

    @ConfigProperty(name = "parameters-secrets-extension-http-port", defaultValue = "2773")
    int port;

    private Expiring<String, String> keys;

    // one client for the function's life: built on the first fetch (after a SnapStart restore), closed at shutdown
    private SecretsExtensionApi extension;

    @PostConstruct
    void init() {
        keys = new Expiring<>(config.apiKeySecretTtl());
    }

    /** The application's key door: this secret when one is named and no key is set, else the fixed key. */
    @Produces
    @ApplicationScoped
    ApiKeys apiKeys() {
        return config.apiKey().isEmpty() && config.apiKeySecret().isPresent() ? this : ApiKeys.fixed(config.apiKey()
                .orElse(null));
    }

    @Override
    public String current() {
        String secretId = config.apiKeySecret().orElseThrow();
        return keys.get(secretId, () -> fetch(secretId));
    }

    /** The cached key is dropped (unless a newer one replaced it), so the next call fetches the rotated one. */
    @Override
    public boolean rejected(String key) {
        keys.forget(config.apiKeySecret().orElseThrow(), key);
        return true;
    }

    @Override
    public boolean configured() {
        return true;
    }

    @Override
    public String toString() {
        return "SecretApiKey[" + VARIABLE + "]";
    }

    private synchronized SecretsExtensionApi extension() {
        if (extension == null) {
            extension = rest.builder(URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(2),
                    Duration.ofSeconds(5), sessionToken.orElseThrow(), false).build(SecretsExtensionApi.class);
        }
        return extension;
    }

    @PreDestroy
    synchronized void close() {
        try {
            if (extension != null) {
                extension.close();
            }
        } catch (Exception ignored) {
            // closing only releases its connection: the function is ending
        }
        extension = null;
    }

    private String fetch(String secretId) {
        String where = "the AWS Parameters and Secrets extension on 127.0.0.1:" + port;
        if (sessionToken.isEmpty()) {
            throw new SecretException(Kind.NOT_CONFIGURED, VARIABLE
                    + " names a secret, but AWS_SESSION_TOKEN is not set: "
                    + where + " only answers inside a Lambda function");
        }
        String body;
        try {
            body = extension().get(secretId, sessionToken.get());
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            throw new SecretException(status >= 500 ? Kind.UPSTREAM_UNAVAILABLE : Kind.NOT_CONFIGURED, VARIABLE + ": "
                    + where
                    + " answered " + status + " for the secret '" + secretId + "' (check the name and the function's"
                    + " AWSSecretsManagerGetSecretValuePolicy)");
        } catch (ProcessingException e) {
            throw new SecretException(Kind.NOT_CONFIGURED, VARIABLE + ": " + where
                    + " could not be reached (is its layer"
                    + " attached to the function?)");
        }
        try {
            String key = json.readValue(body, SecretValue.class).secretString();
            if (key == null || key.isBlank()) {
                throw new SecretException(Kind.NOT_CONFIGURED, VARIABLE + ": the secret '" + secretId
                        + "' has no SecretString");
            }
            return key.strip();
        } catch (JsonProcessingException e) {
            throw new SecretException(Kind.NOT_CONFIGURED, VARIABLE + ": " + where
                    + " answered something that is not a secret");
        }
    }
}
