package io.github.pineconeimports.failure;


/**
 * The listing could not be completed. There is no partial answer: the caller gets this instead, with how far
 * the scan got, so that a pipeline never mistakes a shorter list for the whole truth. Its kind is the kind of
 * the upstream failure, or {@link Kind#UPSTREAM_ANOMALY} for what the engine itself found wrong.
 */
public class ListingFailedException extends Failure {
    private final String index;
    private final Integer upstreamStatus;
    private final int pagesRead;
    private final int scanned;

    private ListingFailedException(Kind kind, String index, String problem, Integer upstreamStatus, int pagesRead,
            int scanned, Throwable cause) {
        super(kind, (index == null ? "Listing" : "Listing of index '" + index + "'")
                + (pagesRead == 0 ? " failed at the first page: "
                        : " incomplete after " + pagesRead + (pagesRead == 1 ? " page" : " pages") + " (" + scanned
                                + " imports scanned): ")
                + problem, cause);
        this.index = index;
        this.upstreamStatus = upstreamStatus;
        this.pagesRead = pagesRead;
        this.scanned = scanned;
    }

    /** {@code index} is the name of the index whose walk failed, or null when the listing names no index. */
    public static ListingFailedException upstream(String index, PineconeException e, int pagesRead, int scanned) {
        return new ListingFailedException(e.kind(), index, e.getMessage(), e.httpStatus(), pagesRead, scanned, e);
    }

    public static ListingFailedException anomaly(String index, String problem, int pagesRead, int scanned) {
        return new ListingFailedException(Kind.UPSTREAM_ANOMALY, index, problem, null, pagesRead, scanned, null);
    }

    /** The index whose walk failed, or null. */
    public String index() {
        return index;
    }

    /** Pinecone's HTTP status, 0 when it could not be reached, null for an anomaly the engine found. */
    public Integer upstreamStatus() {
        return upstreamStatus;
    }

    public int pagesRead() {
        return pagesRead;
    }

    public int scanned() {
        return scanned;
    }
}
