package io.github.pineconeimports.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.URI;

import jakarta.ws.rs.client.ClientRequestContext;

import org.junit.jupiter.api.Test;

import io.github.pineconeimports.failure.Failure;
import io.github.pineconeimports.failure.PineconeException;

/** The key-safety check: a request to any other host is refused as what it is, once, never as an outage to retry. */
class PineconeHeadersTest {

    @Test
    void aRequestToAnotherHostIsRefusedAndNotRetried() {
        PineconeHeaders headers = new PineconeHeaders("pcsk_never_sent_123456", "2025-01", "idx.svc.pinecone.io",
                "test");
        ClientRequestContext elsewhere = (ClientRequestContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { ClientRequestContext.class }, (proxy, method, args) -> {
                    if (method.getName().equals("getUri")) {
                        return URI.create("https://evil.example.com/bulk/imports");
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        PineconeException refused = assertThrows(PineconeException.class, () -> headers.filter(elsewhere));
        assertFalse(refused.isTransient(), "a refusal is not worth another try");
        assertFalse(RetryPolicy.worthRetrying(refused));
        assertEquals(Failure.Kind.UPSTREAM_ANOMALY, refused.kind());
        assertTrue(refused.getMessage()
                .startsWith("Request not sent: refusing to send the API key to evil.example.com"),
                refused.getMessage());
        assertFalse(refused.getMessage().contains("pcsk_never_sent_123456"));
    }
}
