package org.zengzhi.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The sweep's table (CSV and HTML) and a heat map of the share of consumers who ever reached their exit:
 * columns are the values of the last swept parameter, rows the combinations of the others.
 */
public final class SweepReport {
    private SweepReport() {
    }

    public static void write(Path folder, Scenario scenario, List<String> axes, List<SweepRow> rows) throws IOException {
        List<String[]> csv = new ArrayList<>();
        for (SweepRow row : rows) {
            csv.add(concat(axes.stream().map(row.values()::get).toArray(String[]::new), row.metrics()));
        }
        String[] header = concat(axes.toArray(String[]::new), SweepRow.METRICS);
        Csv.write(folder.resolve("sweep.csv"), header, csv);
        Files.writeString(folder.resolve("sweep.html"), html(scenario, axes, rows, header, csv), StandardCharsets.UTF_8);
    }

    private static String html(Scenario scenario, List<String> axes, List<SweepRow> rows, String[] header,
            List<String[]> csv) {
        String column = axes.get(axes.size() - 1);
        Set<String> columns = new LinkedHashSet<>();
        Set<String> lines = new LinkedHashSet<>();
        rows.forEach(row -> {
            columns.add(row.values().get(column));
            lines.add(rowLabel(axes, row));
        });
        List<String> columnList = new ArrayList<>(columns);
        List<String> lineList = new ArrayList<>(lines);
        StringBuilder data = new StringBuilder();
        StringBuilder refused = new StringBuilder();
        long most = 1;
        for (SweepRow row : rows) {
            String cell = "[" + columnList.indexOf(row.values().get(column)) + "," + lineList.indexOf(rowLabel(axes, row));
            if (row.refused() == null) {
                // The share as text beside the number, so the cell shows it as the table does (0.047, 0.000).
                data.append(data.length() == 0 ? "" : ",").append(cell).append(',').append(row.exitedShare()).append(",'")
                        .append(row.exitedShare()).append("']");
                most = Math.max(most, row.exitedMilliPercent());
            } else {
                refused.append(refused.length() == 0 ? "" : ",").append(cell).append(']');
            }
        }
        // The colour scale runs to the largest share swept, so small shares still differ in colour.
        String max = org.zengzhi.engine.Units.format(most, 3);
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Sweep — ")
                .append(HtmlReport.escape(scenario.name())).append("</title><script>").append(HtmlReport.echarts())
                .append("</script><style>body{font-family:system-ui,sans-serif;margin:24px}table{border-collapse:collapse;"
                        + "font-size:13px}td,th{border:1px solid #ccc;padding:3px 6px}th{background:#eee}</style></head><body>")
                .append("<h1>Parameter sweep (参数扫描): ").append(HtmlReport.escape(scenario.name())).append("</h1>")
                .append("<p>Share of consumers who ever reached their forced exit (强制出局), in percent, all ")
                .append(scenario.paths()).append(" paths of ").append(scenario.horizonMonths())
                .append(" months of a combination together. In the table the final price, the pool cash and the"
                        + " platform's revenue are medians over paths; the share and paid back per 100 spent are over all"
                        + " paths together.</p>")
                .append("<div id=\"heat\" style=\"height:").append(Math.max(300, 40 * lineList.size() + 120))
                .append("px;max-width:1000px\"></div><script>echarts.init(document.getElementById('heat'),null,"
                        + "{renderer:'svg'}).setOption({animation:false,tooltip:{},grid:{left:160,top:30,bottom:60},xAxis:{type:'category',name:")
                .append(Charts.quote(column)).append(",data:").append(list(columnList)).append("},yAxis:{type:'category',data:")
                .append(list(lineList)).append("},visualMap:{min:0,max:").append(max).append(",precision:3,calculable:true,orient:'horizontal',left:'center',"
                        + "bottom:0,seriesIndex:0},series:[{type:'heatmap',data:[").append(data)
                .append("],label:{show:true,formatter:function(p){return p.data[3];}}},{type:'scatter',symbolSize:0,data:[").append(refused)
                .append("],label:{show:true,formatter:'refused',color:'#c23531'}}]});</script>")
                .append(refused.length() == 0 ? "" : "<p>Cells marked refused are combinations the plan rules refuse;"
                        + " the table gives the reason.</p>")
                .append("<h2>Table</h2><table><tr>");
        for (String name : header) {
            html.append("<th>").append(HtmlReport.escape(name)).append("</th>");
        }
        html.append("</tr>");
        for (String[] line : csv) {
            html.append("<tr>");
            for (String cell : line) {
                html.append("<td>").append(HtmlReport.escape(cell)).append("</td>");
            }
            html.append("</tr>");
        }
        return html.append("</table></body></html>\n").toString();
    }

    private static String rowLabel(List<String> axes, SweepRow row) {
        StringBuilder label = new StringBuilder();
        for (int i = 0; i < axes.size() - 1; i++) {
            label.append(label.length() == 0 ? "" : " ").append(axes.get(i)).append('=').append(row.values().get(axes.get(i)));
        }
        return label.length() == 0 ? "all" : label.toString();
    }

    private static String list(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (String value : values) {
            out.append(out.length() == 1 ? "" : ",").append(Charts.quote(value));
        }
        return out.append(']').toString();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
