package io.github.pineconeimports.imports;

/**
 * What a listing answers: one page of matches ({@code limit}, resumed with a token), every match in one answer
 * ({@code all=true}), only how many match ({@code counts=true}), or a census: the scan's counts of every page of
 * every index, with the oldest import still running.
 */
public enum Mode {
    PAGE, ALL, COUNTS, CENSUS;

    /** Whether one answer covers every match: every mode but a page. */
    public boolean whole() {
        return this != PAGE;
    }

    /** Whether the answer counts the matches instead of holding them. */
    public boolean counts() {
        return this == COUNTS || this == CENSUS;
    }
}
