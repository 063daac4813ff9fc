package org.zengzhi.simulator;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Minimal CSV writing: comma-separated, values quoted only when they need it, \n line ends. */
public final class Csv {
    private Csv() {
    }

    static void write(Path file, String[] header, List<String[]> rows) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            line(out, header);
            for (String[] row : rows) {
                line(out, row);
            }
        }
    }

    private static void line(Writer out, String[] values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            String value = values[i];
            boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0;
            out.write(quote ? '"' + value.replace("\"", "\"\"") + '"' : value);
        }
        out.write('\n');
    }
}
