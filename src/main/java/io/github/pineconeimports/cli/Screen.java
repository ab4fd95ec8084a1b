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
        return System.console() == null ? null : new Screen();
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
            out.print(ESC + "[2K" + clip(line, size[1] - 1) + "\n");
        }
        out.print(ESC + "[J"); // erase whatever a longer drawing left below
        return shown.size();
    }

    /** At most {@code width} visible characters; colour sequences take no room and are closed if cut. */
    static String clip(String line, int width) {
        StringBuilder out = new StringBuilder();
        int visible = 0;
        boolean coloured = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\u001b') {
                int end = line.indexOf('m', i);
                end = end < 0 ? line.length() - 1 : end;
                out.append(line, i, end + 1);
                coloured = true;
                i = end;
            } else if (visible == width - 1 && visible(line, i) > 1) {
                out.append('…');
                return coloured ? out + ESC + "[0m" : out.toString();
            } else {
                out.append(c);
                visible++;
            }
        }
        return out.toString();
    }

    /** Visible characters from {@code from} on. */
    private static int visible(String line, int from) {
        return line.substring(from).replaceAll(ESC + "\\[[0-9;]*m", "").length();
    }

    /** Rows and columns, from {@code stty size} on the terminal; 24 x 80 when it cannot tell. */
    private static int[] size() {
        try {
            Process stty = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String[] answer = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip().split("\\s+");
            if (stty.waitFor(2, TimeUnit.SECONDS) && answer.length == 2) {
                return new int[] { Math.max(2, Integer.parseInt(answer[0])), Math.max(10, Integer.parseInt(answer[1])) };
            }
        } catch (IOException | NumberFormatException e) {
            // no stty (Windows) or no terminal: the default below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new int[] { 24, 80 };
    }
}
