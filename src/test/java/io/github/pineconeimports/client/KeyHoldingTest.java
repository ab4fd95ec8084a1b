package io.github.pineconeimports.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** No cache key holds the raw key, and a key that rotates again and again does not pile up clients. */
@QuarkusTest
class KeyHoldingTest {

    @Inject
    RestClients rest;

    @Inject
    PineconeConfig config;

    @Test
    void aRotatingKeyKeepsTheOpenClientsConstant() {
        Connection connection = Connection.of(config);
        IndexHost host = IndexHost.parse("http://127.0.0.1:9");
        rest.api(PineconeApi.class, host, connection.withApiKey("rotated-0"));
        int before = rest.open();
        for (int i = 1; i <= 100; i++) {
            rest.api(PineconeApi.class, host, connection.withApiKey("rotated-" + i));
        }
        assertTrue(rest.open() - before < RestClients.KEYS_PER_SLOT,
                "open clients after 100 rotations: " + rest.open());
        rest.forget(host);
    }

    @Test
    void cacheKeysHoldAnIdentityOfTheKeyNeverTheKey() {
        for (Class<?> holder : List.of(RestClients.class, ControlPlane.class)) {
            for (Class<?> nested : holder.getDeclaredClasses()) {
                if (nested.isRecord()) {
                    for (RecordComponent component : nested.getRecordComponents()) {
                        assertFalse(component.getName().toLowerCase().contains("key")
                                && component.getType() == String.class,
                                nested.getName() + "." + component.getName() + " would print the raw key");
                    }
                }
            }
        }
        KeyId id = KeyId.of("pcsk_secret_value_123");
        assertFalse(id.toString().contains("pcsk"), id.toString());
        assertEquals(id, KeyId.of("pcsk_secret_value_123"));
        assertNotEquals(id, KeyId.of("pcsk_secret_value_124"));
    }

    @Test
    void theKeysDigestIsKeptWithItsConnectionAndNowhereElse() {
        // no static field: a raw key kept to skip a hash would outlive every connection that used it
        assertTrue(Arrays.stream(KeyId.class.getDeclaredFields()).noneMatch(f -> Modifier.isStatic(f.getModifiers())),
                Arrays.toString(KeyId.class.getDeclaredFields()));
        Connection keyed = Connection.of(config).withApiKey(" pcsk_secret_value_123\n");
        assertEquals(KeyId.of("pcsk_secret_value_123"), keyed.keyId(), "the digest of the key as it is sent");
        assertEquals(keyed.keyId(), keyed.withIndexHost("http://127.0.0.1:9").keyId());
        assertThrows(IllegalArgumentException.class, () -> new Connection(keyed.apiKey(), null, null, null, null,
                null, null, KeyId.of("a digest that is not the key's")), "the digest is always the key's");
        assertEquals(KeyId.of("other"), keyed.withApiKey("other").keyId());
        assertNull(Connection.of(config).keyId());
    }
}
