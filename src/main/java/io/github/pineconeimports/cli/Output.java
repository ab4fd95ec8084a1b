package io.github.pineconeimports.cli;

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
        return System.console() != null && System.getenv("NO_COLOR") == null;
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
                out.println((indexed ? "index," : "") + "id,uri,status,createdAt,finishedAt,percentComplete,recordsImported,error");
                for (ImportModel m : page.data()) {
                    out.println((indexed ? csv(m.extra().get("index")) + "," : "") + String.join(",", csv(m.id()), csv(m.uri()),
                            csv(m.status()), csv(m.createdAt()), csv(m.finishedAt()), csv(m.percentComplete()),
                            csv(m.recordsImported()), csv(m.error())));
                }
            }
            // across indexes an id is only unique with its index: index/id
            case ids -> page.data().forEach(m -> out.println(m.extra().containsKey("index") ? m.extra().get("index") + "/" + m.id() : m.id()));
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
            rows.add(row(indexed, String.valueOf(m.extra().get("index")), m.id(), String.valueOf(m.status()), ago(m.createdAt(), now),
                    ago(m.finishedAt(), now), bar(m.percentComplete()),
                    m.recordsImported() == null ? "-" : String.format(Locale.ROOT, "%,d", m.recordsImported()),
                    m.error() != null ? m.error() : String.valueOf(m.uri())));
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

    private static String csv(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        return text.matches(".*[,\"\\r\\n].*") || text.startsWith(" ") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
