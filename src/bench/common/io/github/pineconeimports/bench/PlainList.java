package io.github.pineconeimports.bench;

import java.io.BufferedOutputStream;
import java.io.PrintStream;

/**
 * What {@code pinecone-imports list --status Failed --output ids} does, as a plain JVM program with no framework:
 * the floor's java.net.http page loop, printing the ids of the Failed imports. The command line is measured
 * against it, on the same JDK. Usage: PlainList (PINECONE_INDEX_HOST and PINECONE_API_KEY from the environment)
 */
public final class PlainList {

    private PlainList() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new BufferedOutputStream(System.out), false);
        SideBySide.failedIds(System.getenv("PINECONE_INDEX_HOST").replaceFirst("^https?://", ""),
                System.getenv("PINECONE_API_KEY"), out::println);
        out.flush();
    }
}
