package io.github.pineconeimports.imports;

import io.github.pineconeimports.client.PineconeException;

/**
 * The listing could not be completed. There is no partial answer: the caller gets this instead, with how far
 * the scan got, so that a pipeline never mistakes a shorter list for the whole truth.
 */
public class ListingFailedException extends RuntimeException {

    private final Integer upstreamStatus;
    private final int pagesRead;
    private final int scanned;

    private ListingFailedException(String problem, Integer upstreamStatus, int pagesRead, int scanned, Throwable cause) {
        super((pagesRead == 0 ? "Listing failed at the first page: "
                : "Listing incomplete after " + pagesRead + (pagesRead == 1 ? " page" : " pages") + " (" + scanned
                        + " imports scanned): ") + problem, cause);
        this.upstreamStatus = upstreamStatus;
        this.pagesRead = pagesRead;
        this.scanned = scanned;
    }

    static ListingFailedException upstream(PineconeException e, int pagesRead, int scanned) {
        return new ListingFailedException(e.getMessage(), e.httpStatus(), pagesRead, scanned, e);
    }

    static ListingFailedException anomaly(String problem, int pagesRead, int scanned) {
        return new ListingFailedException(problem, null, pagesRead, scanned, null);
    }

    /** Pinecone's HTTP status, 0 when it could not be reached, null for an anomaly in a 2xx answer. */
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
