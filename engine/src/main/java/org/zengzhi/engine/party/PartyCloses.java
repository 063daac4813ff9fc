package org.zengzhi.engine.party;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.zengzhi.engine.Command;
import org.zengzhi.engine.EngineOutput;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.Exact;
import org.zengzhi.engine.Limits;
import org.zengzhi.engine.RejectionCode;
import org.zengzhi.engine.network.Network;
import org.zengzhi.engine.partyrules.PartyRules;
import org.zengzhi.engine.rank.EquityShare;
import org.zengzhi.engine.rank.MonthOutcome;
import org.zengzhi.engine.rank.PromoterBoard;
import org.zengzhi.engine.rank.PromoterMonth;
import org.zengzhi.engine.rank.ShippedLadders;
import org.zengzhi.engine.rank.YearClose;
import org.zengzhi.engine.rank.YearOutcome;
import org.zengzhi.engine.rank.BoardCodec;

/**
 * Month and year closes of the four-party model (issue 18 rules 4, 5, 8, 9): the model's own close, then the
 * promoter ladder of the shared rank package ({@link ShippedLadders#FOUR_PARTY}: one rank machinery, not
 * two), whose metric is each promoter's promoted sales. Months close in order, each after it ended in the plan's
 * time zone ({@link PartyRules#timeZone()}, Asia/Shanghai by default, as green points; UTC until issue 18's fix);
 * a year closes after its December, and its equity pool is the plan's share of the platform's net of the
 * months closed in that year.
 */
public final class PartyCloses {
    private static final int NONE = Integer.MIN_VALUE;

    private final PartyModel model;
    private final PartyIds ids;
    private final PartyRules rules;
    private PromoterBoard board = new PromoterBoard(ShippedLadders.FOUR_PARTY);
    private int lastClosedMonth = NONE;
    private int lastClosedYear = NONE;
    /** The platform's net of the months closed, by year; sorted, so the snapshot writes it in one order. */
    private final Map<Integer, Long> netByYear = new TreeMap<>();

    PartyCloses(PartyModel model, PartyIds ids, PartyRules rules) {
        this.model = model;
        this.ids = ids;
        this.rules = rules;
    }

    public PromoterBoard board() {
        return board;
    }

    RejectionCode monthProblem(String text, Instant at) {
        YearMonth month = month(text);
        if (month == null || index(month) <= lastClosedMonth) {
            return RejectionCode.INVALID_PERIOD;
        }
        if (at.isBefore(month.plusMonths(1).atDay(1).atStartOfDay(rules.timeZone()).toInstant())) {
            return RejectionCode.INVALID_PERIOD;
        }
        return model.before(at) ? RejectionCode.TIME_WENT_BACK : null;
    }

    RejectionCode yearProblem(String text) {
        Integer year = year(text);
        if (year == null || year <= lastClosedYear || lastClosedMonth < index(YearMonth.of(year, 12))) {
            return RejectionCode.INVALID_PERIOD;
        }
        return null;
    }

    void closeMonth(Command.CloseMonth command, Network network, EngineOutput out) {
        YearMonth month = month(command.month());
        MonthClose close = model.closeMonth(command.at()).value();
        lastClosedMonth = index(month);
        netByYear.merge(month.getYear(), close.pnl().netFen(), Math::addExact);
        out.event(new Event.PartyMonthClosed(command.id(), command.month(), close, ids.supplierIds(), ids.productIds()));
        closeRanks(command, month, network, out);
    }

    /** Closes the ladder's months up to this one; with no promoter appointed there is nothing to close. */
    private void closeRanks(Command.CloseMonth command, YearMonth month, Network network, EngineOutput out) {
        while (board.nextMonthToClose().isPresent() && !board.nextMonthToClose().get().isAfter(month)) {
            YearMonth next = board.nextMonthToClose().get();
            MonthOutcome outcome = board.closeMonth(next, command.at(), rules.timeZone());
            if (!(outcome instanceof org.zengzhi.engine.rank.MonthClose closed)) {
                return;
            }
            List<String> promoters = new ArrayList<>();
            List<String> ranks = new ArrayList<>();
            for (PromoterMonth row : closed.promoters()) {
                promoters.add(network.participants().id(row.user()));
                ranks.add(row.nextRank());
            }
            out.event(new Event.PromoterRanksClosed(command.id(), next.toString(), promoters, ranks));
        }
    }

    void closeYear(Command.CloseYear command, Network network, EngineOutput out) {
        int year = year(command.year());
        long net = netByYear.getOrDefault(year, 0L);
        long pool = Exact.mulDivFloor(Math.max(0, net), rules.equityPoolPpm(), Limits.PPM);
        lastClosedYear = year;
        YearOutcome outcome = board.promoters() == 0 ? null : board.closeYear(Year.of(year), pool);
        List<String> promoters = new ArrayList<>();
        List<Long> shares = new ArrayList<>();
        if (outcome instanceof YearClose close) {
            for (EquityShare share : close.shares()) {
                promoters.add(network.participants().id(share.user()));
                shares.add(share.shareFen());
            }
        }
        out.event(new Event.EquityPoolPaid(command.id(), command.year(), pool, promoters, shares));
    }

    /**
     * Enters a user on the ladder at its first rank when their first credit score is set, coached by their
     * referrer if the referrer is a promoter; from the month of {@code at}, or the ladder's next open month.
     */
    void appoint(int user, int referrer, Instant at) {
        if (board.rankOf(user).isPresent()) {
            return;
        }
        int coach = referrer >= 0 && board.rankOf(referrer).isPresent() ? referrer : PromoterBoard.NO_COACH;
        board.appoint(user, coach, openMonth(at));
    }

    /** Adds a settled order's amount to its promoter's month, if the promoter is on the ladder. */
    void promotedSale(int promoter, Instant at, long amountFen) {
        if (promoter >= 0 && board.rankOf(promoter).isPresent()) {
            board.addMetric(promoter, openMonth(at), amountFen);
        }
    }

    private YearMonth openMonth(Instant at) {
        YearMonth month = YearMonth.from(at.atZone(rules.timeZone()));
        YearMonth next = board.nextMonthToClose().orElse(month);
        return month.isBefore(next) ? next : month;
    }

    private static int index(YearMonth month) {
        return month.getYear() * 12 + month.getMonthValue() - 1;
    }

    private static YearMonth month(String text) {
        try {
            return text != null && text.length() == 7 ? YearMonth.parse(text) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Integer year(String text) {
        return text != null && text.matches("[0-9]{4}") ? Integer.valueOf(text) : null;
    }

    void write(DataOutput out) throws IOException {
        out.writeInt(lastClosedMonth);
        out.writeInt(lastClosedYear);
        out.writeInt(netByYear.size());
        for (Map.Entry<Integer, Long> entry : netByYear.entrySet()) {
            out.writeInt(entry.getKey());
            out.writeLong(entry.getValue());
        }
        BoardCodec.write(board, out);
    }

    void read(DataInput in) throws IOException {
        lastClosedMonth = in.readInt();
        lastClosedYear = in.readInt();
        int years = in.readInt();
        for (int i = 0; i < years; i++) {
            netByYear.put(in.readInt(), in.readLong());
        }
        board = BoardCodec.read(ShippedLadders.FOUR_PARTY, in);
    }
}
