package io.github.pineconeimports.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Which API key, without the key: what a cache may hold to tell keys apart. Its {@code toString} says nothing of
 * the key, so a record that holds one can reach a log or an exception message safely.
 */
public final class KeyId {

    private final byte[] digest;

    private KeyId(byte[] digest) {
        this.digest = digest;
    }

    /** The key's id; a {@link Connection} makes it once (see {@link Connection#keyId()}). */
    public static KeyId of(String key) {
        try {
            return new KeyId(MessageDigest.getInstance("SHA-256").digest(String.valueOf(key)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyId id && MessageDigest.isEqual(digest, id.digest);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return "KeyId[***]";
    }
}
