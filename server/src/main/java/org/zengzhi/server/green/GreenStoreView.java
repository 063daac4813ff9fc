package org.zengzhi.server.green;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.zengzhi.server.console.ConsoleCalls;
import org.zengzhi.server.gateway.EngineGateway;

/**
 * The store page's green section (issue 20 item 2), read by templates/green-merchant.html as
 * {@code ${@greenStoreView.of(merchant)}}, so the store page itself only includes the fragment: the store's
 * green points, vouchers and lots in the merchant pool, or null when the plan has no green points.
 */
@Component("greenStoreView")
public class GreenStoreView {
    private final EngineGateway gateway;
    private final GreenHistory history;

    GreenStoreView(EngineGateway gateway, GreenHistory history) {
        this.gateway = gateway;
        this.history = history;
    }

    /** Whether the plan in force has green points: the wallet and the operator's dashboard then link the green pages. */
    public boolean enabled() {
        return ConsoleCalls.await(gateway.query(engine -> engine.plan().greenPoints() != null));
    }

    public Map<String, Object> of(String merchant) {
        String view = GreenHistory.withDividends(ConsoleCalls.await(gateway.query(engine -> GreenViews.merchant(engine,
                merchant))), history.dividendsOf(merchant, "merchant"));
        return view == null ? null : ConsoleCalls.map(view);
    }
}
