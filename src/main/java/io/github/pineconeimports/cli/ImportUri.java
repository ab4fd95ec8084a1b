package io.github.pineconeimports.cli;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where {@code start} may import from, checked before anything is sent: Pinecone's three forms, with the storage
 * services' own rules for bucket, account and container names, so that a name a store would refuse is said here.
 */
final class ImportUri {

    // Pinecone's forms: s3://BUCKET/DIR, gs://BUCKET/DIR, https://ACCOUNT.blob.core.windows.net/CONTAINER/DIR
    static final Pattern URI = Pattern.compile("(s3|gs)://([^/]*)(/.*)?|https://([^./]*)\\.blob\\.core\\.windows"
            + "\\.net/([^/]*)(/.*)?");
    static final String FORMS = "s3://BUCKET/DIR, gs://BUCKET/DIR or"
            + " https://ACCOUNT.blob.core.windows.net/CONTAINER/DIR";
    static final Pattern S3_BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    static final Pattern GCS_BUCKET = Pattern.compile("[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]");
    static final Pattern AZURE_ACCOUNT = Pattern.compile("[a-z0-9]{3,24}");
    static final Pattern AZURE_CONTAINER = Pattern.compile("[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]");
    static final int MAX_URI = 1500;

    private ImportUri() {
    }

    /** Why Pinecone could not import from {@code uri}, or null. */
    static String problem(String uri) {
        if (uri.length() > MAX_URI) {
            return "is longer than " + MAX_URI + " characters";
        }
        if (uri.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return "has spaces or control characters";
        }
        Matcher form = URI.matcher(uri);
        if (!form.matches()) {
            return "is not a place Pinecone imports from";
        }
        if (form.group(1) != null) {
            String bucket = form.group(2);
            if (form.group(1).equals("s3")) {
                return S3_BUCKET.matcher(bucket).matches() ? null : "names a bucket S3 does not allow (3-63 of a-z,"
                        + " 0-9, '.' and '-'; a letter or digit first and last)";
            }
            return GCS_BUCKET.matcher(bucket).matches() && Arrays.stream(bucket.split("\\.")).allMatch(
                    part -> part.length() <= 63) ? null : "names a bucket Cloud Storage does not allow (3-63 of a-z,"
                    + " 0-9, '.', '-' and '_', or up to 222 in dotted parts of at most 63; a letter or digit first and"
                    + " last)";
        }
        if (!AZURE_ACCOUNT.matcher(form.group(4)).matches()) {
            return "names a storage account Azure does not allow (3-24 of a-z and 0-9)";
        }
        return AZURE_CONTAINER.matcher(form.group(5)).matches() ? null : "names a container Azure does not allow"
                + " (3-63 of a-z, 0-9 and single '-'; a letter or digit first and last)";
    }
}
