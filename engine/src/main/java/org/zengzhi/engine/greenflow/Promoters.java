package org.zengzhi.engine.greenflow;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;

import org.zengzhi.engine.Command;
import org.zengzhi.engine.Problem;
import org.zengzhi.engine.RejectionCode;
import org.zengzhi.engine.network.Participants;
import org.zengzhi.engine.rank.PromoterBoard;
import org.zengzhi.engine.rank.RankRejection;

/**
 * The promoter commands of the green-points model (R-5.2, issue 17 rule 7) between the engine's handles and
 * the rank board: appointments, the monthly metric, and the checks of a month's close.
 */
final class Promoters {
    private Promoters() {
    }

    static Problem appoint(PromoterBoard board, Participants participants, Command.AppointPromoter appoint,
            YearMonth month) {
        int user = participants.find(appoint.user());
        if (user < 0) {
            return new Problem(RejectionCode.UNKNOWN_PARTICIPANT, "user");
        }
        int coach = PromoterBoard.NO_COACH;
        if (appoint.coach() != null) {
            coach = participants.find(appoint.coach());
            if (coach < 0) {
                return new Problem(RejectionCode.UNKNOWN_COACH, "coach");
            }
        }
        return problemOf(board.appoint(user, coach, month));
    }

    /**
     * Rule 7's metric: the whole 让利 of a merchant a promoter recruited, in the month its order is due,
     * "from the promoter's appointment on": orders due before the appointment instant count nothing, even in the
     * appointment's month and even when they settle after it. Recruiters who are no promoters count nothing;
     * that is the rule, not an error.
     */
    static void countMetric(PromoterBoard board, Appointments appointments, int recruiter, Instant due, ZoneId zone,
            long rangliFen) {
        if (recruiter < 0 || rangliFen <= 0 || !appointments.appointedBy(recruiter, due)) {
            return;
        }
        board.addMetric(recruiter, YearMonth.from(due.atZone(zone)), rangliFen);
    }

    /** The board's own checks of a close, made before the close carries anything out. */
    static Problem closeProblem(PromoterBoard board, Command.CloseMonth close, ZoneId zone) {
        YearMonth month = close.yearMonth();
        if (month == null || month.getYear() < 1 || month.getYear() > 9999) {
            return new Problem(RejectionCode.INVALID_MONTH, "month");
        }
        Optional<YearMonth> next = board.nextMonthToClose();
        if (next.isEmpty()) {
            return new Problem(RejectionCode.NOTHING_TO_CLOSE, "month");
        }
        if (month.isBefore(next.get())) {
            return new Problem(RejectionCode.MONTH_ALREADY_CLOSED, "month");
        }
        if (month.isAfter(next.get())) {
            return new Problem(RejectionCode.MONTH_OUT_OF_ORDER, "month");
        }
        if (close.at().isBefore(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant())) {
            return new Problem(RejectionCode.MONTH_NOT_ENDED, "at");
        }
        return null;
    }

    /** The board's rejection under the engine's code of the same name. */
    private static Problem problemOf(Optional<RankRejection> rejection) {
        if (rejection.isEmpty()) {
            return null;
        }
        RankRejection value = rejection.get();
        String field = "promoter".equals(value.field()) ? "user" : value.field();
        RejectionCode code = switch (value.code()) {
            case INVALID_USER -> RejectionCode.INVALID_PARTICIPANT_ID;
            case APPOINTMENT_OUT_OF_ORDER, MONTH_CLOSED -> RejectionCode.MONTH_CLOSED;
            default -> RejectionCode.valueOf(value.code().name());
        };
        return new Problem(code, field);
    }
}
