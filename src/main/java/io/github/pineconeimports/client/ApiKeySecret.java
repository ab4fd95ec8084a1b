package io.github.pineconeimports.client;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The key, read at run time from AWS Secrets Manager ({@code PINECONE_API_KEY_SECRET}: a secret's name or ARN)
 * through the AWS Parameters and Secrets Lambda Extension, so it never sits in the function's environment. It is
 * fetched on the first call that needs it, never at start-up (so never before a SnapStart snapshot), kept for
 * {@code pinecone.api-key-secret-ttl}, and fetched again after Pinecone rejects it.
 */
@ApplicationScoped
public class ApiKeySecret {

    public static final String VARIABLE = "PINECONE_API_KEY_SECRET";

    private record Remembered(String key, long until) {
    }

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

    private volatile Remembered remembered;

    /** Whether the key comes from a secret: no PINECONE_API_KEY, and a secret named. */
    public boolean named() {
        return config.apiKey().isEmpty() && config.apiKeySecret().isPresent();
    }

    /** The key, from memory while fresh, else from the extension. */
    public String key() {
        Remembered known = remembered;
        if (known != null && known.until() - System.nanoTime() > 0) {
            return known.key();
        }
        synchronized (this) {
            if (remembered == known) {
                String key = fetch(config.apiKeySecret().orElseThrow());
                remembered = new Remembered(key, System.nanoTime() + config.apiKeySecretTtl().toNanos());
            }
            return remembered.key();
        }
    }

    /** Pinecone rejected {@code key}: the next call fetches it again (it may have been rotated). */
    public synchronized void forget(String key) {
        if (remembered != null && remembered.key().equals(key)) {
            remembered = null;
        }
    }

    private String fetch(String secretId) {
        String where = "the AWS Parameters and Secrets extension on 127.0.0.1:" + port;
        if (sessionToken.isEmpty()) {
            throw new SecretException(Failure.Kind.NOT_CONFIGURED, VARIABLE + " names a secret, but AWS_SESSION_TOKEN is not set: " + where
                    + " only answers inside a Lambda function");
        }
        SecretsExtensionApi api = rest.builder(URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(2), Duration.ofSeconds(5),
                sessionToken.get(), false).build(SecretsExtensionApi.class);
        String body;
        try {
            body = api.get(secretId, sessionToken.get());
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            throw new SecretException(status >= 500 ? Failure.Kind.UPSTREAM_UNAVAILABLE : Failure.Kind.NOT_CONFIGURED, VARIABLE + ": " + where
                    + " answered " + status + " for the secret '" + secretId + "' (check the name and the function's"
                    + " AWSSecretsManagerGetSecretValuePolicy)");
        } catch (ProcessingException e) {
            throw new SecretException(Failure.Kind.NOT_CONFIGURED, VARIABLE + ": " + where + " could not be reached (is its layer"
                    + " attached to the function?)");
        }
        try {
            String key = json.readValue(body, SecretValue.class).secretString();
            if (key == null || key.isBlank()) {
                throw new SecretException(Failure.Kind.NOT_CONFIGURED, VARIABLE + ": the secret '" + secretId + "' has no SecretString");
            }
            return key.strip();
        } catch (JsonProcessingException e) {
            throw new SecretException(Failure.Kind.NOT_CONFIGURED, VARIABLE + ": " + where + " answered something that is not a secret");
        }
    }
}
