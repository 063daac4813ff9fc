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
 * columns are the values of the last swept parameter, rows the combinations of the others. The page is in Chinese
 * (the default) or English ({@link ReportLanguage}, issue 20 item 7); the CSV keeps its column names in both.
 */
public final class SweepReport {
    private SweepReport() {
    }

    /** The metric columns' names on the page: Chinese, then English (the CSV's names stay as they are). */
    private static final String[][] METRIC_NAMES = { { "最终价格（中位数）", "final price (median)" },
        { "曾出局占比 %", "share ever exited, %" }, { "每消费 100 返还", "paid back per 100 spent" },
        { "期末资金池现金（元，中位数）", "pool cash at the end, CNY (median)" },
        { "平台收入（元，中位数）", "platform revenue, CNY (median)" }, { "拒绝理由", "refused because" } };

    public static void write(Path folder, Scenario scenario, List<String> axes, List<SweepRow> rows,
            ReportLanguage lang) throws IOException {
        List<String[]> csv = new ArrayList<>();
        for (SweepRow row : rows) {
            csv.add(concat(axes.stream().map(row.values()::get).toArray(String[]::new), row.metrics()));
        }
        String[] header = concat(axes.toArray(String[]::new), SweepRow.METRICS);
        Csv.write(folder.resolve("sweep.csv"), header, csv);
        Files.writeString(folder.resolve("sweep.html"), html(scenario, axes, rows, csv, lang),
                StandardCharsets.UTF_8);
    }

    private static String html(Scenario scenario, List<String> axes, List<SweepRow> rows, List<String[]> csv,
            ReportLanguage lang) {
        String column = axes.get(axes.size() - 1);
        Set<String> columns = new LinkedHashSet<>();
        Set<String> lines = new LinkedHashSet<>();
        rows.forEach(row -> {
            columns.add(row.values().get(column));
            lines.add(rowLabel(axes, row, lang));
        });
        List<String> columnList = new ArrayList<>(columns);
        List<String> lineList = new ArrayList<>(lines);
        StringBuilder data = new StringBuilder();
        StringBuilder refused = new StringBuilder();
        long most = 1;
        for (SweepRow row : rows) {
            String cell = "[" + columnList.indexOf(row.values().get(column)) + "," + lineList.indexOf(rowLabel(axes, row, lang));
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
        String refusedLabel = lang.pick("拒绝", "refused");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(lang.tag())
                .append("\"><head><meta charset=\"utf-8\"><title>").append(lang.pick("参数扫描 — ", "Sweep — "))
                .append(HtmlReport.escape(scenario.name())).append("</title><script>").append(HtmlReport.echarts())
                .append("</script><style>body{font-family:system-ui,sans-serif;margin:24px}table{border-collapse:collapse;"
                        + "font-size:13px}td,th{border:1px solid #ccc;padding:3px 6px}th{background:#eee}</style></head><body>")
                .append("<h1>").append(lang.pick("参数扫描：", "Parameter sweep (参数扫描): "))
                .append(HtmlReport.escape(scenario.name())).append("</h1><p>")
                .append(lang.pick("曾到达强制出局的消费者占比（%），每个组合的全部 " + scenario.paths() + " 条路径、"
                        + scenario.horizonMonths() + " 个月合计。表中最终价格、资金池现金和平台收入为各路径的中位数；"
                        + "出局占比和每消费 100 返还为全部路径合计。",
                        "Share of consumers who ever reached their forced exit (强制出局), in percent, all "
                        + scenario.paths() + " paths of " + scenario.horizonMonths() + " months of a combination together."
                        + " In the table the final price, the pool cash and the platform's revenue are medians over paths;"
                        + " the share and paid back per 100 spent are over all paths together."))
                .append("</p><div id=\"heat\" style=\"height:").append(Math.max(300, 40 * lineList.size() + 120))
                .append("px;max-width:1000px\"></div><script>echarts.init(document.getElementById('heat'),null,"
                        + "{renderer:'svg'}).setOption({animation:false,tooltip:{},grid:{left:160,top:30,bottom:60},xAxis:{type:'category',name:")
                .append(Charts.quote(column)).append(",data:").append(list(columnList)).append("},yAxis:{type:'category',data:")
                .append(list(lineList)).append("},visualMap:{min:0,max:").append(max).append(",precision:3,calculable:true,orient:'horizontal',left:'center',"
                        + "bottom:0,seriesIndex:0},series:[{type:'heatmap',data:[").append(data)
                .append("],label:{show:true,formatter:function(p){return p.data[3];}}},{type:'scatter',symbolSize:0,data:[").append(refused)
                .append("],label:{show:true,formatter:").append(Charts.quote(refusedLabel)).append(",color:'#c23531'}}]});</script>")
                .append(refused.length() == 0 ? "" : lang.pick("<p>标为“拒绝”的格子是方案规则不接受的组合，理由见表。</p>",
                        "<p>Cells marked refused are combinations the plan rules refuse; the table gives the reason.</p>"))
                .append("<h2>").append(lang.pick("明细表", "Table")).append("</h2><table><tr>");
        for (String axis : axes) {
            html.append("<th>").append(HtmlReport.escape(axis)).append("</th>");
        }
        for (String[] name : METRIC_NAMES) {
            html.append("<th>").append(HtmlReport.escape(lang.pick(name[0], name[1]))).append("</th>");
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

    private static String rowLabel(List<String> axes, SweepRow row, ReportLanguage lang) {
        StringBuilder label = new StringBuilder();
        for (int i = 0; i < axes.size() - 1; i++) {
            label.append(label.length() == 0 ? "" : " ").append(axes.get(i)).append('=').append(row.values().get(axes.get(i)));
        }
        return label.length() == 0 ? lang.pick("全部", "all") : label.toString();
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
