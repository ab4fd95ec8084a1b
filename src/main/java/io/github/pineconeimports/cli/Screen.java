package io.github.pineconeimports.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The terminal a live view redraws in place. Every line is clipped to the width and the block to the height, so
 * that nothing wraps or scrolls: the cursor then returns exactly to the top of the last drawing, no stale row
 * stays behind and nothing spills into the scrollback. The size is read at each redraw, since terminals resize.
 */
final class Screen {

    private static final String ESC = "\u001b";

    /** The terminal, or null when output is not one (piped): then there is nothing to redraw. */
    static Screen detect() {
        return Output.terminal() ? new Screen() : null;
    }

    /** Draws {@code lines} over the {@code drawn} lines of the last drawing; returns how many it drew. */
    int redraw(List<String> lines, PrintWriter out, int drawn) {
        int[] size = size();
        int room = Math.max(1, size[0] - 1);
        List<String> shown = new ArrayList<>(lines.size() <= room ? lines : lines.subList(0, room - 1));
        if (shown.size() < lines.size()) {
            shown.add("… and " + (lines.size() - shown.size()) + " more");
        }
        out.print(drawn > 0 ? "\r" + ESC + "[" + drawn + "A" : "\r");
        for (String line : shown) {
            out.print(ESC + "[2K" + fit(line, size[1] - 1) + "\n");
        }
        out.print(ESC + "[J"); // erase whatever a longer drawing left below
        return shown.size();
    }

    /** At most {@code width} columns; colour sequences take none and are closed if cut; wide characters take two. */
    static String fit(String line, int width) {
        if (columns(line) <= width) {
            return line;
        }
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < line.length(); ) {
            if (line.charAt(i) == '\u001b') {
                int end = line.indexOf('m', i);
                end = end < 0 ? line.length() - 1 : end;
                out.append(line, i, end + 1);
                i = end + 1;
                continue;
            }
            int codePoint = line.codePointAt(i);
            if (used + width(codePoint) > width - 1) {
                break; // room is kept for the ellipsis
            }
            out.appendCodePoint(codePoint);
            used += width(codePoint);
            i += Character.charCount(codePoint);
        }
        return out + "…" + (line.indexOf('\u001b') >= 0 ? ESC + "[0m" : "");
    }

    /** The columns {@code line} takes on a terminal. */
    static int columns(String line) {
        return line.replaceAll(ESC + "\\[[0-9;]*m", "").codePoints().map(Screen::width).sum();
    }

    /** East Asian wide and emoji code points take two columns (a close reading of Unicode's EastAsianWidth W and F). */
    static int width(int codePoint) {
        boolean wide = codePoint >= 0x1100 && (codePoint <= 0x115F || (codePoint >= 0x2E80 && codePoint <= 0xA4CF)
                || (codePoint >= 0xAC00 && codePoint <= 0xD7A3) || (codePoint >= 0xF900 && codePoint <= 0xFAFF)
                || (codePoint >= 0xFE30 && codePoint <= 0xFE4F) || (codePoint >= 0xFF00 && codePoint <= 0xFF60)
                || (codePoint >= 0xFFE0 && codePoint <= 0xFFE6) || (codePoint >= 0x1F300 && codePoint <= 0x1F64F)
                || (codePoint >= 0x1F900 && codePoint <= 0x1F9FF) || (codePoint >= 0x20000 && codePoint <= 0x3FFFD));
        return wide ? 2 : 1;
    }

    /** Rows and columns, from {@code stty size} on the terminal; 24 x 80 when it cannot tell. */
    private static int[] size() {
        try {
            Process stty = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!stty.waitFor(2, TimeUnit.SECONDS)) {
                stty.destroyForcibly();
                return new int[] { 24, 80 };
            }
            return size(new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException | NumberFormatException e) {
            // no stty (Windows) or no terminal: the default below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new int[] { 24, 80 };
    }

    /** Rows and columns from what {@code stty size} printed; 24 x 80 for what it could not tell. */
    static int[] size(String stty) {
        String[] answer = stty.strip().split("\\s+");
        if (answer.length != 2) {
            return new int[] { 24, 80 };
        }
        int rows = Integer.parseInt(answer[0]);
        int columns = Integer.parseInt(answer[1]);
        // a pseudo-terminal nobody sized (script, some CI runners) says 0 0: unknown, not tiny
        return new int[] { rows == 0 ? 24 : Math.max(2, rows), columns == 0 ? 80 : Math.max(10, columns) };
    }
}
