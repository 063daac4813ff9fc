package org.zengzhi.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.zengzhi.engine.Units;

/**
 * Writes a simulation's report into a folder: {@code report.html} (self-contained, opens offline), one CSV
 * per series under {@code series/} (month, p10, p50, p90 and every path), {@code cohorts.csv},
 * {@code classes.csv} and {@code summary.txt}. The files depend only on the result, so the same seed gives
 * the same bytes.
 */
public final class ReportWriter {
    static final int[] PERCENTILES = { 10, 50, 90 };

    private ReportWriter() {
    }

    public static void write(SimulationResult result, Path folder, ReportLanguage lang) throws IOException {
        Files.createDirectories(folder.resolve("series"));
        for (Series series : Series.values()) {
            writeSeries(result, series, folder.resolve("series").resolve(series.file() + ".csv"));
        }
        List<CohortRow> cohorts = cohorts(result);
        List<String[]> cohortRows = new ArrayList<>();
        cohorts.forEach(row -> cohortRows.add(row.csv()));
        Csv.write(folder.resolve("cohorts.csv"), CohortRow.HEADER, cohortRows);
        Csv.write(folder.resolve("classes.csv"), new String[] { "class", "path", "put_in_cny", "took_out_or_holds_cny" },
                classRows(result));
        Summary summary = Summary.of(result, cohorts, lang);
        Files.writeString(folder.resolve("summary.txt"), summary.plainText(lang), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("report.html"), HtmlReport.render(result, summary, cohorts, lang),
                StandardCharsets.UTF_8);
    }

    /** The report's page alone (report.html), for a caller that shows it without writing files. */
    public static String html(SimulationResult result, ReportLanguage lang) {
        List<CohortRow> cohorts = cohorts(result);
        return HtmlReport.render(result, Summary.of(result, cohorts, lang), cohorts, lang);
    }

    static List<CohortRow> cohorts(SimulationResult result) {
        long share = ExitNeed.poolSharePpm(result.scenario());
        List<CohortRow> rows = new ArrayList<>();
        for (int month = 0; month < result.months(); month++) {
            rows.add(CohortRow.of(result, month, share));
        }
        return rows;
    }

    private static void writeSeries(SimulationResult result, Series series, Path file) throws IOException {
        int paths = result.paths().size();
        String[] header = new String[4 + paths];
        header[0] = "month";
        header[1] = "p10";
        header[2] = "p50";
        header[3] = "p90";
        for (int i = 0; i < paths; i++) {
            header[4 + i] = "path" + i;
        }
        List<String[]> rows = new ArrayList<>();
        for (int month = 0; month < result.months(); month++) {
            String[] row = new String[4 + paths];
            row[0] = Integer.toString(month);
            for (int q = 0; q < PERCENTILES.length; q++) {
                row[1 + q] = series.format(result.percentile(series, month, PERCENTILES[q]));
            }
            long[] values = result.acrossPaths(series, month);
            for (int i = 0; i < paths; i++) {
                row[4 + i] = series.format(values[i]);
            }
            rows.add(row);
        }
        Csv.write(file, header, rows);
    }

    /** The median path's classes ({@link SimulationResult#medianPath}): the two columns balance exactly. */
    static List<String[]> classRows(SimulationResult result) {
        PathResult path = result.medianPath();
        List<String[]> rows = new ArrayList<>();
        for (ParticipantClass which : ParticipantClass.values()) {
            rows.add(new String[] { which.label(), Integer.toString(path.path()),
                Units.formatFen(path.putIn()[which.ordinal()]), Units.formatFen(path.tookOut()[which.ordinal()]) });
        }
        return rows;
    }
}
