package io.github.pineconeimports.imports;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.github.pineconeimports.client.Connection;
import io.github.pineconeimports.client.ControlPlane;
import io.github.pineconeimports.failure.InvalidQueryException;

/** Index names as Pinecone allows them, or {@code *} for every index of the project. */
public final class IndexNames {

    /**
     * Pinecone's rule for index names: 1 to 45 lower-case letters, digits and '-', starting and ending alphanumeric.
     */
    private static final Pattern INDEX_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,43}[a-z0-9])?");
    static final String ALLOWED = "index names (1-45 of a-z, 0-9 and '-'), or * for every index";

    private IndexNames() {
    }

    /** Whether Pinecone would accept this as an index name. */
    public static boolean isIndexName(String name) {
        return INDEX_NAME.matcher(name).matches();
    }

    /** The names, sorted and once each; a name Pinecone would refuse, or {@code *} beside names, is refused. */
    static Set<String> check(Collection<String> names) {
        Set<String> checked = new TreeSet<>();
        for (String name : names) {
            if (!name.equals(ControlPlane.EVERY_INDEX) && !isIndexName(name)) {
                throw new InvalidQueryException("index", name, ALLOWED, "'" + InvalidQueryException.clip(name)
                        + "' is not an index name");
            }
            checked.add(name);
        }
        if (checked.contains(ControlPlane.EVERY_INDEX) && checked.size() > 1) {
            throw new InvalidQueryException("index", String.join(",", checked), ALLOWED,
                    "* already means every index; name indexes or give *, not both");
        }
        return checked;
    }

    /** A call reaches indexes by name or one index by host: both at once would guess which the user meant. */
    static void refuseWithHost(Collection<String> names, Connection connection) {
        if (!names.isEmpty() && connection.indexHost() != null) {
            throw new InvalidQueryException("index", String.join(",", names),
                    "index names, or an index host, not both",
                    "this call names an index while PINECONE_INDEX_HOST (or --host) names a host; unset the host to "
                            + "reach an index by name");
        }
    }

    /** The control plane does not know this name: said with the names it does know (at most twenty). */
    static InvalidQueryException unknown(ControlPlane.UnknownIndexException e) {
        List<String> known = e.known();
        String names = known.stream().limit(20).collect(Collectors.joining(", ")) + (known.size() > 20 ? ", ..." : "");
        return new InvalidQueryException("index", e.name(), known.isEmpty()
                ? "an index of this project (GET /indexes lists them)" : "an index of this project: " + names,
                "the project has no index named '" + InvalidQueryException.clip(e.name()) + "'");
    }
}
