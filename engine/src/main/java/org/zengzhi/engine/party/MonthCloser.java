package org.zengzhi.engine.party;

import java.util.ArrayList;
import java.util.List;

import org.zengzhi.engine.Exact;
import org.zengzhi.engine.partyrules.PartyRules;
import org.zengzhi.engine.partyrules.Waterfall;

/**
 * A month's close (issue 18 rules 4, 5 and 9), in this order: baseline bonuses on the month's settled
 * sales, deposit penalties for low ratings, the burn, then fee reductions bought come into force and the
 * month's P&L is taken. A close touches each supplier, each rated product and each holder once: it is
 * monthly work bounded by the catalogue's and the holders' limits.
 */
final class MonthCloser {
    private final PartyRules rules;
    private final PartyBooks books;
    private final Catalogue catalogue;
    private final MonthTally tally;

    MonthCloser(PartyRules rules, PartyBooks books, Catalogue catalogue, MonthTally tally) {
        this.rules = rules;
        this.books = books;
        this.catalogue = catalogue;
        this.tally = tally;
    }

    MonthClose close() {
        List<MonthClose.BaselineBonus> bonuses = payBonuses();
        List<MonthClose.RatingPenalty> penalties = takePenalties();
        BurnReport burn = burn();
        catalogue.rollDiscounts();
        PartyPnl pnl = tally.toPnl();
        tally.reset();
        catalogue.clearMonth();
        return new MonthClose(bonuses, penalties, burn, pnl);
    }

    private List<MonthClose.BaselineBonus> payBonuses() {
        List<MonthClose.BaselineBonus> bonuses = new ArrayList<>();
        for (int supplier = 0; supplier < catalogue.suppliers; supplier++) {
            long sales = catalogue.monthSalesFen.get(supplier);
            long baseline = catalogue.baselineFen.get(supplier);
            long bonus = sales > baseline ? Waterfall.part(sales - baseline, rules.baselineBonusPpm()) : 0;
            if (bonus > 0) {
                long repaid = books.paySupplier(Movement.PLATFORM_TO_SUPPLIER, supplier, bonus);
                tally.baselineBonus += bonus;
                bonuses.add(new MonthClose.BaselineBonus(supplier, sales, baseline, bonus, repaid));
            }
        }
        return bonuses;
    }

    /** A product rated below the minimum on average: sum &lt; minimum · count, exactly, without division. */
    private List<MonthClose.RatingPenalty> takePenalties() {
        List<MonthClose.RatingPenalty> penalties = new ArrayList<>();
        for (int product = 0; product < catalogue.products; product++) {
            long count = catalogue.ratingCount.get(product);
            long sum = catalogue.ratingSumCenti.get(product);
            if (count == 0 || sum >= rules.ratingMinCenti() * count) {
                continue;
            }
            int supplier = catalogue.supplierOf(product);
            long penalty = Waterfall.part(books.supplierDeposit.get(supplier), rules.depositPenaltyPpm());
            books.post(Movement.DEPOSIT_PENALTY, supplier, PartyPostings.NO_OWNER, penalty);
            tally.depositPenalty += penalty;
            penalties.add(new MonthClose.RatingPenalty(product, supplier, sum, count, penalty));
        }
        return penalties;
    }

    /**
     * Rule 5: each holder burns ⌊holding·rate⌋ (never a rounded total split afterwards). In a buy-back whose
     * budget is short of the face value wanted, each holder's part shrinks to ⌊part·budget/wanted⌋, so that
     * what is paid never exceeds the budget, and the report says by how much it fell short.
     */
    private BurnReport burn() {
        long contrib = books.contribOutstandingFen;
        long tokens = books.stokenOutstandingFen;
        long contribWanted = wanted(books.holderContrib, books.holderContrib.size());
        long tokenWanted = wanted(books.supplierStoken, catalogue.suppliers);
        boolean buyback = rules.burnMode() == PartyRules.BurnMode.BUYBACK;
        long wanted = Math.addExact(contribWanted, tokenWanted);
        long budget = rules.buybackBudgetFen();
        boolean shrink = buyback && wanted > budget;
        long numerator = shrink ? budget : 1;
        long denominator = shrink ? wanted : 1;
        long contribBurned = burnContrib(numerator, denominator, buyback);
        long tokensBurned = burnTokens(numerator, denominator, buyback);
        long paid = buyback ? contribBurned + tokensBurned : 0;
        long shortFen = buyback ? wanted - contribBurned - tokensBurned : 0;
        return new BurnReport(rules.burnMode(), contrib, contribWanted, contribBurned, tokens, tokenWanted,
                tokensBurned, buyback ? budget : 0, paid, shortFen, !buyback);
    }

    private long wanted(HolderLongs holdings, int count) {
        long wanted = 0;
        for (int handle = 0; handle < count; handle++) {
            wanted = Math.addExact(wanted, Waterfall.part(holdings.get(handle), rules.burnPpm()));
        }
        return wanted;
    }

    /** ⌊⌊holding·rate⌋·numerator/denominator⌋: the whole part, or its share of a short budget. */
    private long part(long holding, long numerator, long denominator) {
        return Exact.mulDivFloor(Waterfall.part(holding, rules.burnPpm()), numerator, denominator);
    }

    private long burnContrib(long numerator, long denominator, boolean buyback) {
        long burned = 0;
        for (int holder = 0; holder < books.holderContrib.size(); holder++) {
            long share = part(books.holderContrib.get(holder), numerator, denominator);
            if (share == 0) {
                continue;
            }
            books.post(Movement.CONTRIB_RETIRED, holder, PartyPostings.NO_OWNER, share);
            books.post(buyback ? Movement.RESERVE_TO_HOLDER : Movement.RESERVE_TO_PLATFORM, PartyPostings.NO_OWNER,
                    holder, share);
            burned += share;
        }
        if (!buyback) {
            tally.haircut += burned;
        }
        return burned;
    }

    private long burnTokens(long numerator, long denominator, boolean buyback) {
        long burned = 0;
        for (int supplier = 0; supplier < catalogue.suppliers; supplier++) {
            long share = part(books.supplierStoken.get(supplier), numerator, denominator);
            if (share == 0) {
                continue;
            }
            books.post(Movement.STOKEN_RETIRED, supplier, PartyPostings.NO_OWNER, share);
            if (buyback) {
                books.paySupplier(Movement.PLATFORM_TO_SUPPLIER, supplier, share);
            }
            burned += share;
        }
        if (buyback) {
            tally.tokenBuyback += burned;
        }
        return burned;
    }
}
