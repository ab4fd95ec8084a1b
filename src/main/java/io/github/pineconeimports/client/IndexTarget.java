package io.github.pineconeimports.client;

/**
 * One index a listing walks: its name (null when the index was given by host), how to reach it, and whether the
 * control plane says it is ready (an index that is not is reported, not walked).
 */
public record IndexTarget(String name, Connection connection, boolean ready, String state) {

    /** The one index of a connection that names its host. */
    public static IndexTarget byHost(Connection connection) {
        connection.host();
        return new IndexTarget(null, connection, true, null);
    }
}
