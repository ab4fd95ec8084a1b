package io.github.pineconeimports.client;

/**
 * The one door the API key comes through: a fixed key ({@code PINECONE_API_KEY}) by default, or, on Lambda, a
 * Secrets Manager secret read at run time (see {@code function.lambda.SecretApiKey}). The engine and the readiness
 * check ask this door and never learn which it is.
 */
public interface ApiKeys {

    /** The key to send now, or null when none is configured (the connection then says what to set). */
    String current();

    /** Pinecone answered 401 to {@code key}: true when a newer key may now be current (the call is tried once more). */
    boolean rejected(String key);

    /** Whether a key is configured, without reading it (a readiness probe never fetches a secret). */
    boolean configured();

    /**
     * {@code connection} as given when it carries its own key (the command line's flags), else with the current key.
     */
    default Connection keyed(Connection connection) {
        return connection.apiKey() != null ? connection : connection.withApiKey(current());
    }

    /** A key that never changes; a 401 is final. */
    static ApiKeys fixed(String key) {
        return new ApiKeys() {
            @Override
            public String current() {
                return key;
            }

            @Override
            public boolean rejected(String rejected) {
                return false;
            }

            @Override
            public boolean configured() {
                return key != null && !key.isBlank();
            }

            @Override
            public String toString() {
                return "ApiKeys.fixed[***]";
            }
        };
    }
}
