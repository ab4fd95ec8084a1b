package io.github.pineconeimports.lambda;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import io.github.pineconeimports.bench.SideBySide;

/**
 * The smallest Java Lambda that does the same listing: AWS's runtime client calls it, it walks the pages with
 * java.net.http (the benchmark floor's loop) and answers the ids of the Failed imports. No framework. The packaged
 * function's cold start is measured against it.
 */
public class PlainHandler implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws java.io.IOException {
        List<String> ids = new ArrayList<>();
        SideBySide.failedIds(System.getenv("PINECONE_INDEX_HOST").replaceFirst("^https?://", ""),
                System.getenv("PINECONE_API_KEY"), ids::add);
        output.write(("{\"data\": " + ids.size() + "}").getBytes(StandardCharsets.UTF_8));
    }
}
