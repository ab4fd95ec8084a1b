package io.github.pineconeimports.emulator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The emulator's {@code pagination.next}: an opaque base64 token for an offset. Tokens deliberately contain
 * {@code +}, {@code /} and {@code =}, as Pinecone's do, so a client that forgets to URL-encode them fails here too.
 */
final class PageToken {

    private static final byte[] MARK = { (byte) 0xFB, (byte) 0xEF, (byte) 0xFF };

    private PageToken() {
    }

    static String of(int offset) {
        byte[] digits = ("o" + offset).getBytes(StandardCharsets.US_ASCII);
        int length = MARK.length + digits.length;
        // keep the length off a multiple of 3 so the token always ends in '='
        ByteBuffer buffer = ByteBuffer.allocate(length % 3 == 0 ? length + 1 : length);
        buffer.put(MARK).put(digits);
        if (buffer.hasRemaining()) {
            buffer.put((byte) ';');
        }
        return Base64.getEncoder().encodeToString(buffer.array());
    }

    /** The offset a token stands for, or -1 when it is not one of ours or points outside a list of {@code size}. */
    static int offset(String token, int size) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return -1;
        }
        if (bytes.length < MARK.length + 2 || bytes[0] != MARK[0] || bytes[1] != MARK[1] || bytes[2] != MARK[2]
                || bytes[3] != 'o') {
            return -1;
        }
        String digits = new String(bytes, 4, bytes.length - 4, StandardCharsets.US_ASCII).replace(";", "");
        try {
            int offset = Integer.parseInt(digits);
            return offset > 0 && offset <= size ? offset : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
