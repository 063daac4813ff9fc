package org.zengzhi.server.partyops;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.zengzhi.engine.Command;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.party.RiskVerdict;
import org.zengzhi.server.journal.AppliedCommand;
import org.zengzhi.server.journal.BulkInsert;
import org.zengzhi.server.journal.ReadModel;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The four-party operator's read models (issue 20 item 6), written inside the journal's transaction from the
 * engine's events: the risk queue (flagged orders with the payment's device and IP, their held rewards and the
 * decision), settled orders (a supplier's sales, a promoter's withheld commission), each month close's P&L and
 * burn as the engine computed them, and each escrow statement with the ledger's figure and the difference.
 * The engine keeps only what it needs going forward; the history the operator reads is kept here.
 */
public final class PartyOpsReadModel implements ReadModel {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public void write(JdbcTemplate jdbc, BulkInsert insert, List<AppliedCommand> batch) {
        List<Object[]> flagged = new ArrayList<>();
        List<Object[]> settlements = new ArrayList<>();
        List<Object[]> heldUpdates = new ArrayList<>();
        List<Object[]> decisions = new ArrayList<>();
        List<Object[]> closes = new ArrayList<>();
        List<Object[]> statements = new ArrayList<>();
        for (AppliedCommand applied : batch) {
            Timestamp at = Timestamp.from(applied.command().at());
            for (Event event : applied.events()) {
                if (event instanceof Event.PartyOrderPaid paid && !RiskVerdict.CLEAR.name().equals(paid.risk())
                        && applied.command() instanceof Command.PayPartyOrder pay) {
                    flagged.add(new Object[] {paid.order(), paid.user(), paid.product(), paid.supplier(), pay.device(),
                        pay.ip(), paid.amountFen(), paid.risk(), 0L, "FLAGGED", 0L, 0L, at});
                } else if (event instanceof Event.PartyOrderSettled settled) {
                    settlements.add(new Object[] {settled.order(), settled.supplier(), settled.promoter(),
                        settled.amountFen(), settled.withheldFen(), settled.heldFen(), at});
                    heldUpdates.add(new Object[] {settled.heldFen(), settled.order()});
                } else if (event instanceof Event.OrderVerified verified) {
                    decisions.add(new Object[] {verified.approved() ? "APPROVED" : "REFUSED", verified.settled(),
                        verified.releasedFen(), verified.cancelledFen(), at, verified.order()});
                } else if (event instanceof Event.PartyMonthClosed closed) {
                    closes.add(new Object[] {closed.month(), at, applied.seq(), closeJson(closed)});
                } else if (event instanceof Event.EscrowReconciled reconciled) {
                    statements.add(new Object[] {applied.seq(), Timestamp.from(reconciled.at()),
                        reconciled.statementFen(), reconciled.ledgerFen(), reconciled.differenceFen()});
                }
            }
        }
        insert.rows("party_risk_orders", List.of("order_id", "consumer", "product", "supplier", "device", "ip", "amount",
                "risk", "held", "status", "released", "cancelled", "paid_at"), flagged);
        insert.rows("party_settlements", List.of("order_id", "supplier", "promoter", "amount", "withheld", "held",
                "settled_at"), settlements);
        if (!heldUpdates.isEmpty()) {
            jdbc.batchUpdate("UPDATE party_risk_orders SET settled = TRUE, held = ? WHERE order_id = ?", heldUpdates);
        }
        if (!decisions.isEmpty()) {
            jdbc.batchUpdate("UPDATE party_risk_orders SET status = ?, settled = ?, released = ?, cancelled = ?, "
                    + "decided_at = ? WHERE order_id = ?", decisions);
        }
        insert.rows("party_month_closes", List.of("close_month", "closed_at", "command_seq", "close_json"), closes);
        insert.rows("party_escrow_statements", List.of("command_seq", "stated_at", "statement", "ledger", "difference"),
                statements);
    }

    /** The close's P&L and burn, field by field as the engine's records name them (amounts in fen). */
    private static String closeJson(Event.PartyMonthClosed closed) {
        ObjectNode node = JSON.createObjectNode();
        node.set("pnl", JSON.valueToTree(closed.close().pnl()));
        node.put("platformResultFen", closed.close().pnl().platformResultFen());
        node.set("burn", JSON.valueToTree(closed.close().burn()));
        node.put("bonuses", closed.close().bonuses().size());
        node.put("penalties", closed.close().penalties().size());
        return JSON.writeValueAsString(node);
    }
}
