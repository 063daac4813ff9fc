package org.zengzhi.engine.rank;

import java.time.YearMonth;

/**
 * Months as dense ints (year·12 + month − 1), so that the board keeps them in int arrays and steps from one
 * to the next by adding 1. Years 1–9999 keep every index positive and far from overflow.
 */
final class Months {
    static final int NONE = -1;
    static final int YEAR_MIN = 1;
    static final int YEAR_MAX = 9999;

    private Months() {
    }

    static boolean valid(YearMonth month) {
        return month != null && validYear(month.getYear());
    }

    static boolean validYear(int year) {
        return year >= YEAR_MIN && year <= YEAR_MAX;
    }

    static int index(YearMonth month) {
        return month.getYear() * 12 + month.getMonthValue() - 1;
    }

    static YearMonth of(int index) {
        return YearMonth.of(index / 12, index % 12 + 1);
    }

    static int yearOf(int index) {
        return index / 12;
    }

    static int december(int year) {
        return year * 12 + 11;
    }
}
