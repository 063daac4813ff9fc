package org.zengzhi.engine;

import java.time.Instant;

import org.zengzhi.engine.order.Channel;
import org.zengzhi.engine.order.OrderSplit;
import org.zengzhi.engine.order.Reward;
import org.zengzhi.engine.order.RewardStatus;
import org.zengzhi.engine.withdrawal.WithdrawalState;

/**
 * What happened, in the order it happened. {@code command} is the id of the command that caused the
 * event (for exits: the command that set the cascade off).
 */
public sealed interface Event permits Event.PointsMinted, Event.PointsSold, Event.ParticipantExited,
        Event.SubsidyInjected, Event.PriceChanged, Event.CommandRejected, Event.UserRegistered,
        Event.ReferrerBound, Event.ReferrerReassigned, Event.MerchantOnboarded, Event.MerchantSuspended,
        Event.AgentAppointed, Event.AgentRemoved, Event.OrderPaid, Event.OrderReceived, Event.OrderSettled,
        Event.OrderRefunded, Event.RewardChanged, Event.BonusGranted, Event.PlanChanged, Event.WithdrawalRequested, Event.WithdrawalReviewed,
        Event.WithdrawalSettled, Event.GreenEarned, Event.DividendPaid,
        Event.PromoterMonthClosed, Event.CoinsSpent,
        Event.SupplierRegistered, Event.ProductListed, Event.PartyOrderPaid, Event.PartyOrderSettled, Event.PartyOrderRefunded, Event.ProductRated,
        Event.ContribTransferred, Event.ContribRedeemed, Event.TokensRedeemed, Event.OrderVerified, Event.CreditScoreSet, Event.EscrowReconciled,
        Event.DataServiceCharged, Event.OperatingCostRecorded, Event.PartyMonthClosed, Event.PromoterRanksClosed, Event.EquityPoolPaid {

    String command();

    EventType type();

    /** An order settled: its pool contribution entered the pool and points were minted for the buyer. */
    record PointsMinted(String command, String participant, long amountFen, long poolShareFen, long pointsMicro)
            implements Event {
        public EventType type() {
            return EventType.POINTS_MINTED;
        }
    }

    /** A holder sold points: {@code grossFen} is their value at the price before the sale. */
    record PointsSold(String command, String participant, long pointsMicro, long grossFen, long payoutFen)
            implements Event {
        public EventType type() {
            return EventType.POINTS_SOLD;
        }
    }

    /**
     * A holder reached the exit multiple (强制出局): every point was sold at the payout ratio and the cycle
     * closed. {@code exits} counts this participant's exits, this one included.
     */
    record ParticipantExited(String command, String participant, long pointsMicro, long grossFen, long payoutFen,
            long cycleSpendFen, int exits) implements Event {
        public EventType type() {
            return EventType.PARTICIPANT_EXITED;
        }
    }

    /** Cash entered the pool without any point minted. */
    record SubsidyInjected(String command, long amountFen, String reason) implements Event {
        public SubsidyInjected(String command, long amountFen) {
            this(command, amountFen, null);
        }

        public EventType type() {
            return EventType.SUBSIDY_INJECTED;
        }
    }

    /** The pool's price moved: the new price is exactly {@code poolCashFen / circulatingPointsMicro}. */
    record PriceChanged(String command, Instant at, long poolCashFen, long circulatingPointsMicro)
            implements Event {
        public EventType type() {
            return EventType.PRICE_CHANGED;
        }

        public Price price() {
            return new Price(poolCashFen, circulatingPointsMicro);
        }
    }

    /** The command was refused and changed nothing. {@code field} names the offending field. */
    record CommandRejected(String command, RejectionCode code, String field) implements Event {
        public EventType type() {
            return EventType.COMMAND_REJECTED;
        }
    }

    /** A user joined, with the referrer who invited them (or {@code null}). */
    record UserRegistered(String command, String user, String referrer) implements Event {
        public EventType type() {
            return EventType.USER_REGISTERED;
        }
    }

    /** A user with no referrer paid through a merchant's pay code: the merchant's owner became their referrer. */
    record ReferrerBound(String command, String user, String referrer, String merchant) implements Event {
        public EventType type() {
            return EventType.REFERRER_BOUND;
        }
    }

    /** The operator moved a user under another referrer. {@code previous} may be null. */
    record ReferrerReassigned(String command, String user, String previous, String referrer, String reason)
            implements Event {
        public EventType type() {
            return EventType.REFERRER_REASSIGNED;
        }
    }

    record MerchantOnboarded(String command, String merchant, String owner, String recruiter, String region,
            long commissionPpm) implements Event {
        public EventType type() {
            return EventType.MERCHANT_ONBOARDED;
        }
    }

    record MerchantSuspended(String command, String merchant, boolean suspended, String reason) implements Event {
        public EventType type() {
            return EventType.MERCHANT_SUSPENDED;
        }
    }

    record AgentAppointed(String command, String user, String region, RegionLevel level) implements Event {
        public EventType type() {
            return EventType.AGENT_APPOINTED;
        }
    }

    record AgentRemoved(String command, String user, String region) implements Event {
        public EventType type() {
            return EventType.AGENT_REMOVED;
        }
    }

    /**
     * An order was paid; its split and rewards are computed now and stay pending until {@code dueAt}
     * (for mall orders: the latest settlement, if receipt is never confirmed).
     */
    record OrderPaid(String command, String order, String user, String merchant, Channel channel, long amountFen,
            long deductFen, String region, OrderSplit split, long deductGrantedFen, long contributionFen,
            Instant dueAt) implements Event {
        public EventType type() {
            return EventType.ORDER_PAID;
        }
    }

    /** A mall order's receipt was confirmed: it now settles at {@code dueAt}. */
    record OrderReceived(String command, String order, Instant dueAt) implements Event {
        public EventType type() {
            return EventType.ORDER_RECEIVED;
        }
    }

    /** An order's return window closed: its split and rewards became effective. */
    record OrderSettled(String command, String order, String user, String merchant, Channel channel,
            long amountFen, OrderSplit split, Instant at) implements Event {
        public EventType type() {
            return EventType.ORDER_SETTLED;
        }
    }

    /** An order was refunded, before settlement (nothing remains of it) or after (merchant-funded). */
    record OrderRefunded(String command, String order, String user, long amountFen, boolean afterSettlement)
            implements Event {
        public EventType type() {
            return EventType.ORDER_REFUNDED;
        }
    }

    /** A reward of an order was computed, became effective, was cancelled or was taken back. */
    record RewardChanged(String command, String order, Reward reward, RewardStatus status) implements Event {
        public EventType type() {
            return EventType.REWARD_CHANGED;
        }
    }

    /**
     * A withdrawal was requested and {@code amountFen} frozen; {@code state} is REQUESTED when it waits for
     * an operator, APPROVED when it did not need one. {@code payoutFen} = amount − fee.
     */
    record WithdrawalRequested(String command, String withdrawal, String user, long amountFen, long feeFen,
            long payoutFen, WithdrawalState state, String merchant, String supplier) implements Event {
        /** A withdrawal from the user's own wallet; {@code merchant} names the store for a store's (issue 19). */
        public WithdrawalRequested(String command, String withdrawal, String user, long amountFen, long feeFen,
                long payoutFen, WithdrawalState state) {
            this(command, withdrawal, user, amountFen, feeFen, payoutFen, state, null, null);
        }

        /** A user's or, with a {@code merchant}, a store's withdrawal; {@code supplier} names a supplier's. */
        public WithdrawalRequested(String command, String withdrawal, String user, long amountFen, long feeFen,
                long payoutFen, WithdrawalState state, String merchant) {
            this(command, withdrawal, user, amountFen, feeFen, payoutFen, state, merchant, null);
        }


        public EventType type() {
            return EventType.WITHDRAWAL_REQUESTED;
        }
    }

    /** An operator approved (APPROVED) or rejected (REJECTED, the amount back in the wallet) a withdrawal. */
    record WithdrawalReviewed(String command, String withdrawal, String user, long amountFen, long feeFen,
            long payoutFen, WithdrawalState state, String reason) implements Event {
        public EventType type() {
            return EventType.WITHDRAWAL_REVIEWED;
        }
    }

    /**
     * The payout provider answered: PAID (the fee to the platform, the payout out of the ledger) or FAILED
     * (the amount back in the wallet).
     */
    record WithdrawalSettled(String command, String withdrawal, String user, long amountFen, long feeFen,
            long payoutFen, WithdrawalState state, String providerReference) implements Event {
        public EventType type() {
            return EventType.WITHDRAWAL_SETTLED;
        }
    }

    /** The operator paid a user a bonus from the platform's funds. */
    record BonusGranted(String command, String user, long amountFen, String reason) implements Event {
        public EventType type() {
            return EventType.BONUS_GRANTED;
        }
    }

    /** A new plan is in force from this command on. */
    record PlanChanged(String command, String plan) implements Event {
        public EventType type() {
            return EventType.PLAN_CHANGED;
        }
    }

    // ----- green points (issue 17), kept together at the end -----

    /**
     * A store order settled under the green-points model (rules 1, 5, 6): the consumer's points (on the cash
     * part) and coins, the merchant's points (the whole 让利), and the bound merchant's vouchers (null and 0
     * when the consumer has none). Points in centipoints, coins and vouchers in fen.
     */
    record GreenEarned(String command, String order, String user, String merchant, long pointsCentipoints,
            long coinsFen, long merchantCentipoints, String boundMerchant, long boundVouchersFen) implements Event {
        public EventType type() {
            return EventType.GREEN_EARNED;
        }
    }

    /**
     * A dividend of a green-points pool (rules 2 – 4, 8): {@code pool} is {@code consumer} or {@code merchant};
     * {@code at} its due time; {@code valueCentipoints} the pool's value then; {@code growthPpm} value / previous
     * value − 1 in ppm, negative (−1) for the first; {@code scalePpm} the share of the rates paid.
     */
    record DividendPaid(String command, String pool, int period, Instant at, long valueCentipoints, long growthPpm,
            long scalePpm, long vouchersFen, int lots, int retired) implements Event {
        /** The growth of a first dividend, which has none. */
        public static final long NO_GROWTH = -1;

        public EventType type() {
            return EventType.DIVIDEND_PAID;
        }
    }

    /**
     * A promoter's month closed (R-5.2, issue 17 rule 7): the rank held, the metric (the 让利 of the merchants
     * they recruited), personal and coaching commissions and subsidies paid in cash from the settlement centre,
     * and the rank held from the next month on. {@code month} is written like {@code 2026-03}.
     */
    record PromoterMonthClosed(String command, String user, String month, String rank, long metricFen,
            long personalFen, long coachingFen, long subsidyFen, String nextRank) implements Event {
        public EventType type() {
            return EventType.PROMOTER_MONTH;
        }
    }

    /**
     * A coin-mall order (issue 17 rule 6): {@code user} paid {@code coinsFen} of gold coins to {@code merchant},
     * which the settlement centre settled at once in the same amount of cash. It earns nothing.
     */
    record CoinsSpent(String command, String order, String user, String merchant, long coinsFen) implements Event {
        public EventType type() {
            return EventType.COINS_SPENT;
        }
    }

    // ----- the four-party model (seed 000, issue 18) -----

    /** A supplier joined the four-party model with its baseline and deposit. */
    record SupplierRegistered(String command, String supplier, long baselineFen, long depositFen, String owner)
            implements Event {
        /** A supplier without an owner; {@code owner} names the user who withdraws its cash (issue 19 item 2). */
        public SupplierRegistered(String command, String supplier, long baselineFen, long depositFen) {
            this(command, supplier, baselineFen, depositFen, null);
        }

        public EventType type() {
            return EventType.SUPPLIER_REGISTERED;
        }
    }

    /** A supplier listed a product. */
    record ProductListed(String command, String product, String supplier, long priceFen, long costFen) implements Event {
        public EventType type() {
            return EventType.PRODUCT_LISTED;
        }
    }

    /** A four-party order was paid into escrow; {@code prepaidFen} of the supplier's share went to it at once; {@code risk} is CLEAR or why the order was flagged (DEVICE, IP, DEVICE_AND_IP, STORE_FULL). */
    record PartyOrderPaid(String command, String order, String user, String product, String supplier, long amountFen, long contribFen, long prepaidFen, String promoter, String risk) implements Event {
        public EventType type() {
            return EventType.PARTY_ORDER_PAID;
        }
    }

    /** A four-party order settled: its waterfall, each part ⌊A·rate⌋ in the order, the supplier's share less its prepayment, what was withheld (credit score) or held (flagged), and the tokens the supplier earned. */
    record PartyOrderSettled(String command, String order, String supplier, String user, String promoter, long amountFen, long feeFen, long rebateFen, long commissionFen, long teamAllowanceFen, long inviteRewardFen, long supplierShareFen, long marginFen, long roundingFen, long supplierSettledFen, long withheldFen, long heldFen, long stokenFen) implements Event {
        public EventType type() {
            return EventType.PARTY_ORDER_SETTLED;
        }
    }

    /** A four-party order was refunded before settlement: the prepayment clawed back (and what was advanced as the supplier's debt), the consumer's cash and contribution value back. */
    record PartyOrderRefunded(String command, String order, long amountFen, long clawedBackFen, long advancedFen, long cashRefundedFen, long contribRefundedFen) implements Event {
        public EventType type() {
            return EventType.PARTY_ORDER_REFUNDED;
        }
    }

    /** A consumer rated a product. */
    record ProductRated(String command, String product, String user, int ratingCenti) implements Event {
        public EventType type() {
            return EventType.PRODUCT_RATED;
        }
    }

    /** Contribution value moved between users, less the fee. */
    record ContribTransferred(String command, String user, String to, long amountFen, long feeFen, long receivedFen) implements Event {
        public EventType type() {
            return EventType.CONTRIB_TRANSFERRED;
        }
    }

    /** Contribution value was redeemed for cash from the reserve. */
    record ContribRedeemed(String command, String user, long amountFen) implements Event {
        public EventType type() {
            return EventType.CONTRIB_REDEEMED;
        }
    }

    /** A supplier spent tokens on a traffic package or the next month's fee reduction. */
    record TokensRedeemed(String command, String supplier, String item, long stokenFen) implements Event {
        public EventType type() {
            return EventType.TOKENS_REDEEMED;
        }
    }

    /** The operator's verdict on a flagged order; after settlement the held rewards were released or cancelled. */
    record OrderVerified(String command, String order, boolean approved, boolean settled, long releasedFen, long cancelledFen) implements Event {
        public EventType type() {
            return EventType.ORDER_VERIFIED;
        }
    }

    /** A promoter's credit score was set. */
    record CreditScoreSet(String command, String user, int score) implements Event {
        public EventType type() {
            return EventType.CREDIT_SCORE_SET;
        }
    }

    /** A custody statement was compared with the ledger's escrow; a non-zero difference is a finding. */
    record EscrowReconciled(String command, Instant at, long statementFen, long ledgerFen, long differenceFen) implements Event {
        public EventType type() {
            return EventType.ESCROW_RECONCILED;
        }
    }

    /** A data service was charged to a supplier. */
    record DataServiceCharged(String command, String supplier, long amountFen) implements Event {
        public EventType type() {
            return EventType.DATA_SERVICE_CHARGED;
        }
    }

    /** An operating cost was entered. */
    record OperatingCostRecorded(String command, long amountFen, String reason) implements Event {
        public EventType type() {
            return EventType.OPERATING_COST_RECORDED;
        }
    }

    /** The four-party model closed a month: baseline bonuses, rating penalties, the burn and the P&L; the ids name the suppliers and products the close refers to by handle. */
    record PartyMonthClosed(String command, String month, org.zengzhi.engine.party.MonthClose close, java.util.List<String> supplierIds, java.util.List<String> productIds) implements Event {
        public EventType type() {
            return EventType.PARTY_MONTH_CLOSED;
        }
    }

    /** The promoter ladder evaluated a month: each promoter's rank after it, in order of appointment (issue 18 rule 8). */
    record PromoterRanksClosed(String command, String month, java.util.List<String> promoters, java.util.List<String> ranks) implements Event {
        public EventType type() {
            return EventType.PROMOTER_RANKS_CLOSED;
        }
    }

    /** The year's virtual-equity pool was shared by the top 10% of promoters, pro rata to their promoted sales (issue 18 rule 8); the shares are figures of account, not posted. */
    record EquityPoolPaid(String command, String year, long poolFen, java.util.List<String> promoters, java.util.List<Long> sharesFen) implements Event {
        public EventType type() {
            return EventType.EQUITY_POOL_PAID;
        }
    }
}
