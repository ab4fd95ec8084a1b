package io.github.pineconeimports.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

/**
 * The native function.zip as the provided.al2023 runtime takes it: one executable named {@code bootstrap}, and
 * nothing in it that Amazon Linux 2023's glibc (2.34) lacks, although this machine's is newer.
 */
class BootstrapNativeIT {

    static final Path ZIP = Path.of(System.getProperty("project.build.directory", "target"), "function.zip");

    @Test
    void theZipHoldsOnlyAnExecutableBootstrap() throws IOException {
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            List<String> names = zip.stream().map(ZipEntry::getName).toList();
            assertEquals(List.of("bootstrap"), names);
            // Lambda starts it as the zip's Unix attributes say: it must be executable
            assertEquals(0755, unixMode(ZIP) & 0777, "bootstrap's mode");
        }
    }

    @Test
    void itNeedsNoGlibcNewerThanAmazonLinux2023s() throws Exception {
        Path bootstrap = Files.createTempFile("bootstrap", "");
        try {
            assertNeedsAtMostGlibc234(bootstrap);
        } finally {
            Files.delete(bootstrap);
        }
    }

    private static void assertNeedsAtMostGlibc234(Path bootstrap) throws Exception {
        try (ZipFile zip = new ZipFile(ZIP.toFile()); InputStream in = zip.getInputStream(zip.getEntry("bootstrap"))) {
            Files.copy(in, bootstrap, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Process objdump = new ProcessBuilder("objdump", "-T", bootstrap.toString()).redirectErrorStream(true).start();
        String symbols = new String(objdump.getInputStream().readAllBytes());
        assertTrue(objdump.waitFor(60, TimeUnit.SECONDS) && objdump.exitValue() == 0, symbols);
        Matcher versions = Pattern.compile("GLIBC_(\\d+)\\.(\\d+)").matcher(symbols);
        List<int[]> found = new java.util.ArrayList<>();
        while (versions.find()) {
            found.add(new int[] { Integer.parseInt(versions.group(1)), Integer.parseInt(versions.group(2)) });
        }
        assertFalse(found.isEmpty(),
                "a dynamically linked executable names glibc versions: " + symbols.lines().limit(5).toList());
        int[] newest = found.stream().max(Comparator.<int[]>comparingInt(v -> v[0]).thenComparingInt(v -> v[1]))
                .orElseThrow();
        assertTrue(newest[0] < 2 || (newest[0] == 2 && newest[1] <= 34), "needs GLIBC_" + newest[0] + "." + newest[1]
                + ", newer than Amazon Linux 2023's 2.34");
    }

    /** The Unix mode of the zip's one entry: the high 16 bits of its external attributes in the central directory. */
    private static int unixMode(Path zip) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        for (int i = bytes.length - 22; i >= 0; i--) {
            if (bytes[i] == 0x50 && bytes[i + 1] == 0x4b && bytes[i + 2] == 0x01 && bytes[i + 3] == 0x02) {
                int attributes = (bytes[i + 38] & 0xff) | (bytes[i + 39] & 0xff) << 8 | (bytes[i + 40] & 0xff) << 16
                        | (bytes[i + 41] & 0xff) << 24;
                return attributes >>> 16;
            }
        }
        return 0;
    }
}
