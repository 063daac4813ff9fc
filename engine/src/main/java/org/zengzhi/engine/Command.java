package org.zengzhi.engine;

import java.time.Instant;
import java.time.YearMonth;

import org.zengzhi.engine.order.Channel;
import org.zengzhi.engine.order.MallSplitFen;
import org.zengzhi.engine.plan.Plan;

/**
 * What the engine is asked to do. Every command carries its own id and timestamp; the engine never
 * reads a clock (SPEC ). Dispatch is a switch on {@link #type()}, kept exhaustive by the compiler.
 */
public sealed interface Command permits Command.SettleOrder, Command.SellPoints, Command.InjectSubsidy,
        Command.RegisterUser, Command.OnboardMerchant, Command.SuspendMerchant, Command.AppointAgent,
        Command.RemoveAgent, Command.PayOrder, Command.ConfirmReceipt, Command.RefundOrder, Command.Tick,
        Command.ReassignReferrer, Command.GrantBonus, Command.ChangePlan, Command.RequestWithdrawal, Command.ReviewWithdrawal, Command.SettleWithdrawal,
        Command.AppointPromoter,
        Command.RegisterSupplier, Command.ListProduct, Command.PayPartyOrder, Command.RateProduct, Command.TransferContrib, Command.RedeemContrib, Command.RedeemTokens,
        Command.VerifyOrder, Command.SetCreditScore, Command.EscrowStatement, Command.ChargeDataService, Command.RecordOperatingCost, Command.CloseMonth, Command.CloseYear {

    String id();

    Instant at();

    CommandType type();

    /**
     * An order of {@code amountFen} by {@code participant} settled, contributing {@code poolShareFen} to
     * the pool (SPEC ). Registers the participant on first sight.
     */
    record SettleOrder(String id, Instant at, String participant, long amountFen, long poolShareFen)
            implements Command {
        public CommandType type() {
            return CommandType.SETTLE_ORDER;
        }
    }

    /** A holder sells {@code pointsMicro} points back to the pool (卖出, SPEC ). */
    record SellPoints(String id, Instant at, String participant, long pointsMicro) implements Command {
        public CommandType type() {
            return CommandType.SELL_POINTS;
        }
    }

    /**
     * The operator injects cash into the pool with no points minted (融资补贴, SPEC ); {@code reason},
     * which may be null in logs of the pool alone, is kept in the journal for the audit.
     */
    record InjectSubsidy(String id, Instant at, long amountFen, String reason) implements Command {
        public InjectSubsidy(String id, Instant at, long amountFen) {
            this(id, at, amountFen, null);
        }

        public CommandType type() {
            return CommandType.INJECT_SUBSIDY;
        }
    }

    /** A user joins, optionally through a referrer's invitation. The referrer must be known. */
    record RegisterUser(String id, Instant at, String user, String referrer) implements Command {
        public CommandType type() {
            return CommandType.REGISTER_USER;
        }
    }

    /**
     * A merchant joins: its owner (a user), who recruited it (optional), its region (a GB/T 2260
     * code) and its commission rate in ppm, or −1 for the plan's default.
     */
    record OnboardMerchant(String id, Instant at, String merchant, String owner, String recruiter, String region,
            long commissionPpm) implements Command {
        public CommandType type() {
            return CommandType.ONBOARD_MERCHANT;
        }
    }

    /** The operator suspends (or reinstates) a merchant; a suspended merchant takes no payment. */
    record SuspendMerchant(String id, Instant at, String merchant, boolean suspended, String reason)
            implements Command {
        public CommandType type() {
            return CommandType.SUSPEND_MERCHANT;
        }
    }

    /** The operator appoints a user as the agent of a region; at most one active agent a region. */
    record AppointAgent(String id, Instant at, String user, String region) implements Command {
        public CommandType type() {
            return CommandType.APPOINT_AGENT;
        }
    }

    /** The operator removes the agent of a region. */
    record RemoveAgent(String id, Instant at, String region) implements Command {
        public CommandType type() {
            return CommandType.REMOVE_AGENT;
        }
    }

    /**
     * A consumer pays an order: in a store through the merchant's pay code, or in the mall. The order
     * id is the command id. Mall orders may carry their own product split (else the plan's), a delivery
     * region (else the merchant's) and a part paid with deduction points. Under a green-points plan a store
     * order may pay {@code voucherFen} of its amount with vouchers (抵用券, issue 17 rule 6).
     */
    record PayOrder(String id, Instant at, String user, String merchant, Channel channel, long amountFen,
            long deductFen, MallSplitFen split, String region, long voucherFen) implements Command {
        /** A payment with no voucher part (every plan without green points). */
        public PayOrder(String id, Instant at, String user, String merchant, Channel channel, long amountFen,
                long deductFen, MallSplitFen split, String region) {
            this(id, at, user, merchant, channel, amountFen, deductFen, split, region, 0);
        }

        public CommandType type() {
            return CommandType.PAY_ORDER;
        }
    }

    /** The consumer confirms receipt of a mall order: its return window starts. */
    record ConfirmReceipt(String id, Instant at, String order) implements Command {
        public CommandType type() {
            return CommandType.CONFIRM_RECEIPT;
        }
    }

    /** An order is refunded: before settlement every pending effect is cancelled. */
    record RefundOrder(String id, Instant at, String order) implements Command {
        public CommandType type() {
            return CommandType.REFUND_ORDER;
        }
    }

    /** Time passes: every order whose window has closed by {@code at} settles, earliest due first. */
    record Tick(String id, Instant at) implements Command {
        public CommandType type() {
            return CommandType.TICK;
        }
    }

    /** The operator moves a user under another referrer, with a reason that is kept. */
    record ReassignReferrer(String id, Instant at, String user, String referrer, String reason) implements Command {
        public CommandType type() {
            return CommandType.REASSIGN_REFERRER;
        }
    }

    /**
     * A user asks to withdraw {@code amountFen} from their CNY wallet, fee included. The withdrawal id
     * is the command id. The amount is frozen; the withdrawal waits for an operator when it is above the
     * plan's review threshold and is approved at once otherwise. With a {@code merchant} (门店, issue 19 item 2)
     * the user is the store's owner and the cash comes from the store's settled cash instead, under the same
     * rules; null for a user's own wallet. With a {@code supplier} (供应商, four-party model) the user is the
     * supplier's owner and the cash comes from the supplier's cash (prepayments and settlements); a command
     * names at most one of the two.
     */
    record RequestWithdrawal(String id, Instant at, String user, long amountFen, String merchant, String supplier)
            implements Command {
        /** A withdrawal from the user's own wallet. */
        public RequestWithdrawal(String id, Instant at, String user, long amountFen) {
            this(id, at, user, amountFen, null, null);
        }

        /** A withdrawal from the user's own wallet, or with a {@code merchant} from that store's cash. */
        public RequestWithdrawal(String id, Instant at, String user, long amountFen, String merchant) {
            this(id, at, user, amountFen, merchant, null);
        }

        public CommandType type() {
            return CommandType.REQUEST_WITHDRAWAL;
        }
    }

    /** An operator approves or rejects a requested withdrawal; a rejection needs a reason. */
    record ReviewWithdrawal(String id, Instant at, String withdrawal, boolean approve, String reason)
            implements Command {
        public CommandType type() {
            return CommandType.REVIEW_WITHDRAWAL;
        }
    }

    /**
     * The payout provider's answer for an approved withdrawal: paid (the cash left the platform) or failed
     * (the frozen amount returns to the wallet). A second answer is rejected, so nothing is paid twice.
     */
    record SettleWithdrawal(String id, Instant at, String withdrawal, boolean paid, String providerReference)
            implements Command {
        public CommandType type() {
            return CommandType.SETTLE_WITHDRAWAL;
        }
    }

    /**
     * The operator pays a user a bonus from the platform's own funds, with the reason kept (for example the
     * reward for a report that was upheld, R-4.7).
     */
    record GrantBonus(String id, Instant at, String user, long amountFen, String reason) implements Command {
        public CommandType type() {
            return CommandType.GRANT_BONUS;
        }
    }

    /**
     * The operator replaces the plan (validated at the edge); {@code source} is the plan file's text, kept so
     * the journal shows exactly what was put in force. Orders already paid keep the split they were paid
     * with; every later payment, settlement, sale and exit follows the new plan.
     */
    record ChangePlan(String id, Instant at, Plan plan, String source) implements Command {
        public CommandType type() {
            return CommandType.CHANGE_PLAN;
        }
    }

    // ----- green points (issue 17), kept together at the end -----

    /**
     * The operator appoints {@code user} a promoter (推广者, R-5.2) from the month of the engine's time on, coached
     * by {@code coach} (a promoter already, who brought them) or nobody (null).
     */
    record AppointPromoter(String id, Instant at, String user, String coach) implements Command {
        public CommandType type() {
            return CommandType.APPOINT_PROMOTER;
        }
    }

    // ----- the four-party model (seed 000, issue 18), and the closes both models share -----

    /** A supplier (供应商) joins the four-party model with its monthly sales baseline and the deposit (保证金) it pays in, 0 for none (issue 18 rules 1, 4; ). {@code owner} (optional, a registered user) is who may withdraw the supplier's cash (issue 19 item 2); null for none. */
    record RegisterSupplier(String id, Instant at, String supplier, long baselineFen, long depositFen, String owner)
            implements Command {
        /** A supplier without an owner: nobody withdraws its cash. */
        public RegisterSupplier(String id, Instant at, String supplier, long baselineFen, long depositFen) {
            this(id, at, supplier, baselineFen, depositFen, null);
        }

        public CommandType type() {
            return CommandType.REGISTER_SUPPLIER;
        }
    }

    /** A supplier lists a product at a price, with the cost of goods it declares for the P&L (issue 18 rule 1, R-7.2). */
    record ListProduct(String id, Instant at, String product, String supplier, long priceFen, long costFen) implements Command {
        public CommandType type() {
            return CommandType.LIST_PRODUCT;
        }
    }

    /** A consumer pays for a supplier's product into escrow; {@code id} is the order's id. {@code contribFen} of the price is paid with contribution value; {@code promoter} (optional) is the promoter the order names, else the consumer's referrer earns the commission; {@code device} and {@code ip} feed the risk window (issue 18 rules 1, 2, 6; ). */
    record PayPartyOrder(String id, Instant at, String user, String product, int quantity, long contribFen, String promoter, String device, String ip) implements Command {
        public CommandType type() {
            return CommandType.PAY_PARTY_ORDER;
        }
    }

    /** A consumer rates a product, in hundredths of a star, 0 to 500 (issue 18 rule 4, R-7.2). */
    record RateProduct(String id, Instant at, String user, String product, int ratingCenti) implements Command {
        public CommandType type() {
            return CommandType.RATE_PRODUCT;
        }
    }

    /** A holder transfers contribution value to another user; the 1% fee goes to the platform (issue 18 rule 3, R-7.1). */
    record TransferContrib(String id, Instant at, String user, String to, long amountFen) implements Command {
        public CommandType type() {
            return CommandType.TRANSFER_CONTRIB;
        }
    }

    /** A holder redeems contribution value for cash from the reserve, into the cash wallet (issue 18 rule 3, R-7.1). */
    record RedeemContrib(String id, Instant at, String user, long amountFen) implements Command {
        public CommandType type() {
            return CommandType.REDEEM_CONTRIB;
        }
    }

    /** A supplier spends tokens on a traffic package of the plan's catalogue, named by {@code item}, or on the fee reduction for the next month when {@code item} is {@code feeDiscount} (issue 18 rule 4, R-7.2). */
    record RedeemTokens(String id, Instant at, String supplier, String item) implements Command {
        public CommandType type() {
            return CommandType.REDEEM_TOKENS;
        }
    }

    /** The operator's verdict on a flagged four-party order: approved rewards continue, refused ones are cancelled to the platform (issue 18 rule 6, R-7.4). */
    record VerifyOrder(String id, Instant at, String order, boolean approve) implements Command {
        public CommandType type() {
            return CommandType.VERIFY_ORDER;
        }
    }

    /** An external check sets a promoter's credit score (0–1000); below the plan's minimum the promoter earns nothing. The first score also enters the user on the promoter ladder (issue 18 rules 6, 8; ). */
    record SetCreditScore(String id, Instant at, String user, int score) implements Command {
        public CommandType type() {
            return CommandType.SET_CREDIT_SCORE;
        }
    }

    /** The custody provider's statement of the escrow balance at {@code at}, compared with the ledger's; a difference is a finding, never corrected (issue 18 rule 7, R-7.5). */
    record EscrowStatement(String id, Instant at, long balanceFen) implements Command {
        public CommandType type() {
            return CommandType.ESCROW_STATEMENT;
        }
    }

    /** A data service sold to a supplier (供应商数据报告), paid from outside the ledger: platform income (issue 18 rule 9, R-7.6). */
    record ChargeDataService(String id, Instant at, String supplier, long amountFen) implements Command {
        public CommandType type() {
            return CommandType.CHARGE_DATA_SERVICE;
        }
    }

    /** An operating cost the platform paid, entered by the operator so that the month's net is real (issue 18 rule 9, R-7.6). */
    record RecordOperatingCost(String id, Instant at, long amountFen, String reason) implements Command {
        public CommandType type() {
            return CommandType.RECORD_OPERATING_COST;
        }
    }

    /**
     * Closes a month ({@code month} as 2026-01) in every model the plan enables, one after another, after every
     * model has checked it. Green points (issue 17 rule 7): first everything due before the month's end is
     * carried out, then promoters are paid from the settlement centre and ranks move; {@code at} must be at or
     * after the month's end in the plan's zone. The four-party model (issue 18 rules 4, 5, 8, 9): baseline
     * bonuses, rating penalties, the burn, the promoter ladder's evaluation and the month's P&L.
     */
    record CloseMonth(String id, Instant at, String month) implements Command {
        public CommandType type() {
            return CommandType.CLOSE_MONTH;
        }

        /** The month, or null when {@code month} is not of the form 2026-01 (the models refuse it by their codes). */
        public YearMonth yearMonth() {
            try {
                return month == null ? null : YearMonth.parse(month);
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }
    }

    /** Closes a year ({@code year} as 2026) in every model the plan enables: for the four-party model the top 10% of promoters share the virtual-equity pool (issue 18 rule 8, R-5.3). */
    record CloseYear(String id, Instant at, String year) implements Command {
        public CommandType type() {
            return CommandType.CLOSE_YEAR;
        }
    }
}
