package org.zengzhi.simulator.party;

import org.zengzhi.engine.Units;

import tools.jackson.databind.JsonNode;

/** Reads the engine's decimal text back to integers and writes integers as text; no floating point. */
public final class PartyFigures {
    private PartyFigures() {
    }

    static long fen(JsonNode node) {
        return node == null || node.isNull() ? 0 : Units.parseFen(node.asString());
    }

    /** 1234567 fen → "12,345.67". */
    public static String money(long fen) {
        String plain = Units.formatFen(Math.abs(fen));
        int dot = plain.indexOf('.');
        StringBuilder grouped = new StringBuilder(plain.substring(dot));
        for (int i = dot; i > 0; i -= 3) {
            grouped.insert(0, plain.substring(Math.max(0, i - 3), i));
            if (i > 3) {
                grouped.insert(0, ',');
            }
        }
        return (fen < 0 ? "-" : "") + grouped;
    }

    /** 950000 ppm → "95.00%", rounded down. */
    static String percent(long ppm) {
        return Units.format(ppm / 100, 2) + "%";
    }
}
