package io.github.pineconeimports.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.pineconeimports.client.ImportModel;

/** On a terminal, the imports redrawn in place; elsewhere, a line each time an import changes. */
final class WatchView {

    private final Screen screen;
    private final boolean colour;
    private final PrintWriter out;
    private final Map<String, String> shown = new HashMap<>();
    private int drawn;

    WatchView(Screen screen, boolean colour, PrintWriter out) {
        this.screen = screen;
        this.colour = colour;
        this.out = out;
    }

    boolean onScreen() {
        return screen != null;
    }

    void show(Collection<ImportModel> watched, String notice, Instant started, Instant now) {
        if (screen != null) {
            // the running ones first: when the screen is too short for all, the finished ones are what it leaves out
            List<String> lines = new ArrayList<>(notice == null ? List.of() : List.of(notice));
            watched.stream().sorted(Comparator.comparing(WatchCommand::finished))
                    .forEach(m -> lines.add(WatchCommand.line(m, started, now, colour)));
            drawn = screen.redraw(lines, out, drawn);
        } else {
            for (ImportModel m : watched) {
                String state = m.status() + "|" + m.percentComplete() + "|" + m.recordsImported();
                if (!state.equals(shown.put(WatchCommand.key(m), state))) {
                    out.println(WatchCommand.line(m, started, now, false));
                }
            }
        }
        out.flush();
    }
}
