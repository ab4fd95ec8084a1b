package io.github.pineconeimports.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.pineconeimports.client.ImportModel;

/** Import fields come from outside: a terminal gets no control sequence from them, a spreadsheet no formula. */
class OutputTest {

    static final String HOSTILE_URI = "s3://b/\u001b[31mred\u001b]0;title\u0007\r\u202eevil/";

    @Test
    void theTableShowsControlCharactersInsteadOfSendingThem() {
        ImportModel m = new ImportModel("1\u001b[2J", HOSTILE_URI, "Failed", Instant.now(), null, 1.0, 1L, null,
                Map.of());
        StringWriter out = new StringWriter();
        Output.table(List.of(m), new PrintWriter(out), Instant.now(), false);
        String text = out.toString();
        assertFalse(text.chars().anyMatch(c -> c == 0x1b || c == 0x07 || c == '\r' || c == 0x202e), text);
        assertTrue(text.contains("s3://b/\\u001b[31mred\\u001b]0;title\\u0007\\u000d\\u202eevil/"), text);
        assertTrue(text.contains("1\\u001b[2J"), text);
    }

    @Test
    void watchLinesAreSafeToo() {
        ImportModel m = new ImportModel("7", HOSTILE_URI, "Failed", Instant.now(), Instant.now(), 60.0, 5L,
                "bad\u001b[1Afile", Map.of());
        String line = WatchCommand.line(m, Instant.now(), Instant.now(), false);
        assertTrue(line.endsWith("bad\\u001b[1Afile"), line);
        assertFalse(line.contains("\u001b"), line);
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunStayText() {
        assertEquals("'=cmd|' /C calc'!A0", Output.csv("=cmd|' /C calc'!A0"));
        assertEquals("'+1", Output.csv("+1"));
        assertEquals("'-2", Output.csv("-2"));
        assertEquals("'@SUM(A1)", Output.csv("@SUM(A1)"));
        assertEquals("'\tx", Output.csv("\tx"));
        assertEquals("\"'=1,2\"", Output.csv("=1,2"));
        assertEquals("-1.5", Output.csv(-1.5), "numbers are numbers");
        assertEquals("s3://b/x/", Output.csv("s3://b/x/"));
    }

    @Test
    void aLiveViewNeverWrapsAndNeverOverflowsTheScreen() {
        String coloured = "12  " + Output.paint("Failed", "Failed    ") + " " + "x".repeat(100);
        String clipped = Screen.fit(coloured, 59);
        assertEquals(59, clipped.replaceAll("\u001b\\[[0-9;]*m", "").length(), clipped);
        assertTrue(clipped.replaceAll("\u001b\\[[0-9;]*m", "").endsWith("…"), clipped);
        assertEquals("short", Screen.fit("short", 59));
        // wide characters take two columns, and a surrogate pair is never split
        String wide = Screen.fit("12 Failed " + "日本語😀".repeat(30), 59);
        assertTrue(Screen.columns(wide) <= 59 && Screen.columns(wide) >= 57, wide);
        assertFalse(Character.isHighSurrogate(wide.charAt(wide.length() - 2)), wide);
    }

    @Test
    void aTerminalThatSaysItsSizeIsZeroIsOfUnknownSizeNotTiny() {
        assertArrayEquals(new int[] { 50, 200 }, Screen.size("50 200\n"));
        assertArrayEquals(new int[] { 24, 80 }, Screen.size("0 0\n"), "script(1) and unsized CI terminals");
        assertArrayEquals(new int[] { 2, 10 }, Screen.size("1 3"), "tiny but real: at least a line and a bar");
        assertArrayEquals(new int[] { 24, 80 }, Screen.size(""));
    }
}
