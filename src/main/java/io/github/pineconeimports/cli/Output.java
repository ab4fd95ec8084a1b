package io.github.pineconeimports.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.pineconeimports.client.ImportModel;
import io.github.pineconeimports.imports.ImportPage;

/** The output formats of {@code list}: a table for people, JSON, NDJSON, CSV and bare ids for scripts. */
enum Output {
    table, json, ndjson, csv, ids;

    /** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
    static boolean colour() {
        return terminal() && System.getenv("NO_COLOR") == null;
    }

    /** Whether output goes to a terminal: from JDK 22 a console exists even when piped, and Console.isTerminal says. */
    static boolean terminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException beforeJdk22) {
            return true;
        }
    }

    void print(ImportPage page, PrintWriter out, ObjectMapper json, Instant now) throws JsonProcessingException {
        switch (this) {
            case json -> out.println(json.writeValueAsString(page));
            case ndjson -> {
                for (ImportModel model : page.data()) {
                    out.println(json.writeValueAsString(model));
                }
            }
            case csv -> {
                boolean indexed = page.data().stream().anyMatch(m -> m.extra().containsKey("index"));
                out.println((indexed ? "index," : "")
                        + "id,uri,status,createdAt,finishedAt,percentComplete,recordsImported,error");
                for (ImportModel m : page.data()) {
                    out.println((indexed ? csv(m.extra().get("index")) + "," : "") + String.join(",", csv(m.id()),
                            csv(m.uri()),
                            csv(m.status()), csv(m.createdAt()), csv(m.finishedAt()), csv(m.percentComplete()),
                            csv(m.recordsImported()), csv(m.error())));
                }
            }
            // across indexes an id is only unique with its index: index/id
            case ids -> page.data().forEach(m -> out.println(m.extra().containsKey("index") ? m.extra().get("index")
                    + "/" + m.id() : m.id()));
            case table -> table(page.data(), out, now, colour());
        }
        out.flush();
    }

    /** Aligned columns; an INDEX column first when the imports come from named indexes. */
    static void table(List<ImportModel> imports, PrintWriter out, Instant now, boolean colour) {
        boolean indexed = imports.stream().anyMatch(m -> m.extra().containsKey("index"));
        int first = indexed ? 1 : 0;
        List<String[]> rows = new ArrayList<>();
        rows.add(row(indexed, "INDEX", "ID", "STATUS", "CREATED", "FINISHED", "PROGRESS", "RECORDS", "ERROR / URI"));
        for (ImportModel m : imports) {
            rows.add(row(indexed, printable(m.extra().get("index")), printable(m.id()), printable(m.status()),
                    ago(m.createdAt(), now),
                    ago(m.finishedAt(), now), bar(m.percentComplete()),
                    m.recordsImported() == null ? "-" : String.format(Locale.ROOT, "%,d", m.recordsImported()),
                    printable(m.error() != null ? m.error() : m.uri())));
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String cell = i == row.length - 1 ? row[i] : pad(row[i], widths[i], i == first + 5);
                boolean status = i == first + 1 && r > 0;
                line.append(colour && status ? paint(row[i], cell) : cell).append(i == row.length - 1 ? "" : "  ");
            }
            out.println(line.toString().stripTrailing());
        }
        if (imports.isEmpty()) {
            out.println("(no imports)");
        }
    }

    private static String[] row(boolean indexed, String index, String... cells) {
        if (!indexed) {
            return cells;
        }
        String[] row = new String[cells.length + 1];
        row[0] = index;
        System.arraycopy(cells, 0, row, 1, cells.length);
        return row;
    }

    /** "3h ago": how long before {@code now}. */
    static String ago(Instant then, Instant now) {
        if (then == null) {
            return "-";
        }
        Duration d = Duration.between(then, now);
        if (d.isNegative() || d.toSeconds() < 5) {
            return "just now";
        }
        if (d.toMinutes() < 1) {
            return d.toSeconds() + "s ago";
        }
        if (d.toHours() < 1) {
            return d.toMinutes() + "m ago";
        }
        return d.toDays() < 1 ? d.toHours() + "h ago" : d.toDays() + "d ago";
    }

    /** A ten-cell bar and the percentage: {@code ████░░░░░░  42%}. */
    static String bar(Double percent) {
        if (percent == null) {
            return "-";
        }
        int filled = (int) Math.round(Math.max(0, Math.min(100, percent)) / 10);
        return "█".repeat(filled) + "░".repeat(10 - filled) + String.format(Locale.ROOT, " %3.0f%%", percent);
    }

    static String paint(String status, String text) {
        String code = switch (status) {
            case "Failed" -> "31";
            case "Completed" -> "32";
            case "Cancelled" -> "33";
            case "InProgress" -> "36";
            default -> "2";
        };
        return "\u001b[" + code + "m" + text + "\u001b[0m";
    }

    private static String pad(String text, int width, boolean right) {
        String spaces = " ".repeat(width - text.length());
        return right ? spaces + text : text + spaces;
    }

    /**
     * Text from outside (URIs, errors, ids) made safe for a terminal: control and format characters (escape
     * sequences, carriage returns, bidirectional overrides) are shown as {@code \\u001b}, never sent to the terminal.
     */
    static String printable(Object value) {
        String text = String.valueOf(value);
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int type = Character.getType(c);
            boolean unsafe = type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR;
            if (unsafe && out == null) {
                out = new StringBuilder(text.substring(0, i));
            }
            if (out != null) {
                out.append(unsafe ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * One CSV cell (RFC 4180). A cell a spreadsheet would run as a formula ({@code =}, {@code +}, {@code -},
     * {@code @}, tab or carriage return first) gets a leading {@code '}, as OWASP advises: the file stays data.
     */
    static String csv(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
            text = "'" + text;
        }
        return text.matches("(?s).*[,\"\\r\\n].*") || text.startsWith(" ") ? "\"" + text.replace("\"", "\"\"") + "\""
                : text;
    }
}
