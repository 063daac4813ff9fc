package org.zengzhi.engine.party;

import org.zengzhi.engine.partyrules.PartyRules;
import org.zengzhi.engine.partyrules.Waterfall;

/**
 * Contribution value and supplier tokens in the holders' hands (issue 18 rules 3 and 4): redeeming
 * contribution value for cash from its reserve, transferring it for a 1% fee (消费者贡献值支持转让,平台收1%
 * 手续费), and spending supplier tokens on traffic packages or a lower fee for the next month.
 */
final class TokenDesk {
    private final PartyRules rules;
    private final PartyBooks books;
    private final Catalogue catalogue;
    private final MonthTally tally;

    TokenDesk(PartyRules rules, PartyBooks books, Catalogue catalogue, MonthTally tally) {
        this.rules = rules;
        this.books = books;
        this.catalogue = catalogue;
        this.tally = tally;
    }

    /** Contribution value redeemed at face value: retired, and the same cash leaves the reserve to the holder. */
    PartyOutcome<Long> redeemContrib(int holder, long amountFen) {
        PartyRejection problem = checkSpend(holder, "user", amountFen);
        if (problem != null) {
            return PartyOutcome.rejected(problem);
        }
        books.post(Movement.CONTRIB_RETIRED, holder, PartyPostings.NO_OWNER, amountFen);
        books.post(Movement.RESERVE_TO_HOLDER, PartyPostings.NO_OWNER, holder, amountFen);
        return PartyOutcome.accepted(amountFen);
    }

    /**
     * The receiver gets the amount less ⌊amount·1%⌋; the fee is retired and its reserve cash goes to the
     * platform, so the reserve still equals what is outstanding.
     */
    PartyOutcome<ContribTransfer> transferContrib(int from, int to, long amountFen) {
        PartyRejection problem = checkSpend(from, "from", amountFen);
        if (problem == null && !PartyOrders.isHolder(to)) {
            problem = new PartyRejection(PartyRejectionCode.INVALID_HOLDER, "to");
        }
        if (problem == null && from == to) {
            problem = new PartyRejection(PartyRejectionCode.SAME_HOLDER, "to");
        }
        if (problem != null) {
            return PartyOutcome.rejected(problem);
        }
        long fee = Waterfall.part(amountFen, rules.contribTransferFeePpm());
        books.post(Movement.CONTRIB_TRANSFER, from, to, amountFen - fee);
        books.post(Movement.CONTRIB_RETIRED, from, PartyPostings.NO_OWNER, fee);
        books.post(Movement.RESERVE_TO_PLATFORM, PartyPostings.NO_OWNER, PartyPostings.NO_OWNER, fee);
        tally.transferFee += fee;
        return PartyOutcome.accepted(new ContribTransfer(from, to, amountFen, fee, amountFen - fee));
    }

    private PartyRejection checkSpend(int holder, String field, long amountFen) {
        if (!PartyOrders.isHolder(holder)) {
            return new PartyRejection(PartyRejectionCode.INVALID_HOLDER, field);
        }
        PartyRejection amount = PartyModel.checkAmount(amountFen, "amount");
        if (amount != null) {
            return amount;
        }
        if (amountFen > books.holderContrib.get(holder)) {
            return new PartyRejection(PartyRejectionCode.INSUFFICIENT_CONTRIB, "amount");
        }
        return null;
    }

    PartyOutcome<TokenRedemption> redeemTokens(int supplier, int packageIndex) {
        if (!catalogue.isSupplier(supplier)) {
            return PartyOutcome.rejected(PartyRejectionCode.UNKNOWN_SUPPLIER, "supplier");
        }
        if (packageIndex < 0 || packageIndex >= rules.trafficPackages().size()) {
            return PartyOutcome.rejected(PartyRejectionCode.UNKNOWN_PACKAGE, "item");
        }
        PartyRules.TrafficPackage offer = rules.trafficPackages().get(packageIndex);
        if (offer.priceStoken() > books.supplierStoken.get(supplier)) {
            return PartyOutcome.rejected(PartyRejectionCode.INSUFFICIENT_TOKENS, "item");
        }
        books.post(Movement.STOKEN_RETIRED, supplier, PartyPostings.NO_OWNER, offer.priceStoken());
        return PartyOutcome.accepted(new TokenRedemption(supplier, packageIndex, offer.name(), offer.priceStoken()));
    }

    /** Buys the fee reduction for the next month: it comes into force at the month's close and lasts one month. */
    PartyOutcome<TokenRedemption> buyFeeDiscount(int supplier) {
        if (!catalogue.isSupplier(supplier)) {
            return PartyOutcome.rejected(PartyRejectionCode.UNKNOWN_SUPPLIER, "supplier");
        }
        if (rules.feeDiscountPpm() == 0) {
            return PartyOutcome.rejected(PartyRejectionCode.UNKNOWN_PACKAGE, "item");
        }
        if (catalogue.discountBought(supplier)) {
            return PartyOutcome.rejected(PartyRejectionCode.DISCOUNT_PENDING, "supplier");
        }
        if (rules.feeDiscountPriceStoken() > books.supplierStoken.get(supplier)) {
            return PartyOutcome.rejected(PartyRejectionCode.INSUFFICIENT_TOKENS, "item");
        }
        books.post(Movement.STOKEN_RETIRED, supplier, PartyPostings.NO_OWNER, rules.feeDiscountPriceStoken());
        catalogue.feeDiscount.set(supplier, catalogue.feeDiscount.get(supplier) | Catalogue.DISCOUNT_BOUGHT);
        return PartyOutcome.accepted(new TokenRedemption(supplier, TokenRedemption.FEE_DISCOUNT, "feeDiscount",
                rules.feeDiscountPriceStoken()));
    }
}
