package io.github.pineconeimports.client;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.github.pineconeimports.failure.PineconeConfigException;
import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;

/**
 * Which certificates a REST client of ours trusts, and the TLS settings it refuses: any that would send the key to
 * whatever server answers.
 */
@ApplicationScoped
public class TlsPolicy {

    @Inject
    TlsConfigurationRegistry tls;

    /** Quarkus applies it to every REST client after their own settings: only refusing it keeps hosts verified. */
    @ConfigProperty(name = "quarkus.rest-client.verify-host")
    Optional<Boolean> verifyHost;

    static final String UNVERIFIED = "quarkus.tls.trust-all, quarkus.tls.hostname-verification-algorithm=NONE and"
            + " quarkus.rest-client.verify-host=false would send the API key to any server: unset them, and trust a"
            + " certificate with quarkus.tls.trust-store.pem.certs (QUARKUS_TLS_TRUST_STORE_PEM_CERTS) instead";

    /** Refuses, as every call does, TLS settings that would send the key to any server: for readiness. */
    public void check() {
        trustStore();
    }

    /**
     * The certificates a user trusts instead of the JDK's, as for any Quarkus application: the TLS registry's default
     * trust store ({@code quarkus.tls.trust-store.pem.certs}, i.e. {@code QUARKUS_TLS_TRUST_STORE_PEM_CERTS}).
     * Settings that would send the key to any server are refused rather than obeyed.
     */
    Optional<TlsConfiguration> trustStore() {
        Optional<TlsConfiguration> configured = tls.getDefault();
        boolean anyHost = configured.map(c -> c.isTrustAll()
                || c.getHostnameVerificationAlgorithm().filter("NONE"::equalsIgnoreCase).isPresent()).orElse(false);
        if (anyHost || !verifyHost.orElse(true)) {
            throw new PineconeConfigException(UNVERIFIED);
        }
        return configured.filter(c -> c.getTrustStore() != null);
    }
}
