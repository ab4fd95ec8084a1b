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

    // the last key seen and its id: every page asks for its client, and the key is almost always the same one
    private static volatile Object[] last = { null, null };

    private final byte[] digest;

    private KeyId(byte[] digest) {
        this.digest = digest;
    }

    public static KeyId of(String key) {
        Object[] remembered = last;
        if (key != null && key.equals(remembered[0])) {
            return (KeyId) remembered[1];
        }
        try {
            KeyId id = new KeyId(MessageDigest.getInstance("SHA-256").digest(String.valueOf(key)
                    .getBytes(StandardCharsets.UTF_8)));
            last = new Object[] { key, id };
            return id;
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
