package org.zengzhi.simulator;

/** Writes ECharts options for the report's charts: percentile bands and stacked medians. */
public final class Charts {
    private final SimulationResult result;
    private final StringBuilder html;
    private final ReportLanguage lang;

    Charts(SimulationResult result, StringBuilder html, ReportLanguage lang) {
        this.result = result;
        this.html = html;
        this.lang = lang;
    }

    /**
     * The median as a line over a shaded p10–p90 band (a transparent p10 area with p90 − p10 stacked on it). The
     * legend marks take the colours drawn, and the tooltip shows p90, p50 and p10 as written in the CSV (the
     * stacked band's own value is the width p90 − p10, which would read as a price or an amount).
     */
    void band(String id, String title, Series series) {
        StringBuilder low = new StringBuilder();
        StringBuilder width = new StringBuilder();
        StringBuilder median = new StringBuilder();
        StringBuilder labels = new StringBuilder();
        for (int month = 0; month < result.months(); month++) {
            long p10 = result.percentile(series, month, 10);
            long p50 = result.percentile(series, month, 50);
            long p90 = result.percentile(series, month, 90);
            separate(low, width, median, month);
            low.append(series.format(p10));
            width.append(series.format(p90 - p10));
            median.append(series.format(p50));
            labels.append(month == 0 ? "" : ",").append(quote(lang.pick("第 " + month + " 月", "month " + month) + "<br>p90: " + series.format(p90)
                    + "<br>" + median() + ": " + series.format(p50) + "<br>p10: " + series.format(p10)));
        }
        String options = "{animation:false,title:{text:" + quote(title) + ",textStyle:{fontSize:13}},"
                + "tooltip:{trigger:'axis',formatter:function(p){return [" + labels + "][p[0].dataIndex];}},"
                + "legend:{top:22,data:[" + quote(median()) + ",'p10–p90']},grid:{top:56,left:12,right:20,bottom:30,containLabel:true},"
                + "xAxis:{type:'category',name:" + quote(lang.pick("月", "month")) + ",nameLocation:'middle',nameGap:24,data:" + months() + "},"
                + "yAxis:{type:'value',scale:true},series:["
                + "{name:'p10',type:'line',stack:'b',data:[" + low + "],lineStyle:{opacity:0},symbol:'none'},"
                + "{name:'p10–p90',type:'line',stack:'b',data:[" + width + "],lineStyle:{opacity:0},symbol:'none',"
                + "itemStyle:{color:'rgba(194,53,49,0.3)'},areaStyle:{color:'#c23531',opacity:0.18}},"
                + "{name:" + quote(median()) + ",type:'line',data:[" + median + "],symbol:'none',itemStyle:{color:'#c23531'},"
                + "lineStyle:{color:'#c23531',width:2}}]}";
        chart(id, options);
    }

    /** Median-path values of several flow series, stacked as bars. */
    void stacked(String id, String title, Series... series) {
        StringBuilder out = new StringBuilder();
        StringBuilder legend = new StringBuilder();
        for (Series one : series) {
            StringBuilder data = new StringBuilder();
            for (int month = 0; month < result.months(); month++) {
                data.append(month == 0 ? "" : ",").append(one.format(result.percentile(one, month, 50)));
            }
            String name = quote(one.legend(lang));
            legend.append(legend.length() == 0 ? "" : ",").append(name);
            out.append(out.length() == 0 ? "" : ",").append("{name:").append(name)
                    .append(",type:'bar',stack:'s',data:[").append(data).append("]}");
        }
        String options = "{animation:false,title:{text:" + quote(title) + ",textStyle:{fontSize:13}},tooltip:{trigger:'axis'},"
                + "legend:{top:22,data:[" + legend + "]},grid:{top:" + (series.length > 4 ? 80 : 60) + ",left:12,right:20,bottom:30,containLabel:true},"
                + "xAxis:{type:'category',name:" + quote(lang.pick("月", "month")) + ",nameLocation:'middle',nameGap:24,data:" + months() + "},"
                + "yAxis:{type:'value'},series:[" + out + "]}";
        chart(id, options);
    }

    private String median() {
        return lang.pick("中位数 (p50)", "median (p50)");
    }

    private void chart(String id, String options) {
        html.append("<div class=\"chart\" id=\"").append(id).append("\"></div>\n<script>echarts.init(document.getElementById('")
                .append(id).append("'),null,{renderer:'svg'}).setOption(").append(options).append(");</script>\n");
    }

    private String months() {
        StringBuilder months = new StringBuilder("[");
        for (int month = 0; month < result.months(); month++) {
            months.append(month == 0 ? "" : ",").append(month);
        }
        return months.append(']').toString();
    }

    private static void separate(StringBuilder a, StringBuilder b, StringBuilder c, int month) {
        if (month > 0) {
            a.append(',');
            b.append(',');
            c.append(',');
        }
    }

    static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'").replace("<", "\\x3c") + "'";
    }
}
