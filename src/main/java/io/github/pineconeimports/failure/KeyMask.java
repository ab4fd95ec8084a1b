package io.github.pineconeimports.failure;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks an API key in text that may reach a log or an answer. A key is masked where it stands as a whole token,
 * never inside other words: a key {@code x} must not turn "ConnectException" into "ConnectE***ception". A key
 * long enough not to occur by chance ({@value #ANYWHERE} characters, as every real key is) is masked wherever it
 * appears, glued to other text or not.
 */
public final class KeyMask {

    static final int ANYWHERE = 12;
    private static final String TOKEN_CHAR = "[\\p{Alnum}_-]";

    private KeyMask() {
    }

    public static String mask(String text, String key) {
        if (text == null || key == null || key.isEmpty() || !text.contains(key)) {
            return text;
        }
        if (key.length() >= ANYWHERE) {
            return text.replace(key, "***");
        }
        Pattern whole = Pattern.compile("(?<!" + TOKEN_CHAR + ")" + Pattern.quote(key) + "(?!" + TOKEN_CHAR + ")");
        return whole.matcher(text).replaceAll(Matcher.quoteReplacement("***"));
    }
}
