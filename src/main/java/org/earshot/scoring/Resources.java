package org.earshot.scoring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads tab-separated word lists from the class path; '#' starts a comment line. */
public final class Resources {
    private Resources() {
    }

    /** The rows of a resource; a bare name is looked up under {@code /scoring/}. */
    public static List<String[]> rows(String name) {
        String path = name.startsWith("/") ? name : "/scoring/" + name;
        try (InputStream in = Resources.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing class path resource " + path);
            }
            List<String[]> rows = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int lineNo = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNo++;
                if (line.isBlank() || line.startsWith("# ") || line.equals("#")) {
                    continue;
                }
                String[] cells = line.split("\t+");
                for (int k = 0; k < cells.length; k++) {
                    cells[k] = cells[k].strip();
                }
                if (cells.length < 2) {
                    throw new IllegalStateException(path + " line " + lineNo + ": expected at least 2 tab-separated cells");
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
