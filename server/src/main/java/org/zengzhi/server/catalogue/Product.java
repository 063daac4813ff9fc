package org.zengzhi.server.catalogue;

import java.util.List;

import org.zengzhi.engine.Units;
import org.zengzhi.engine.order.MallSplitFen;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A mall product (商品, R-2.2): its price in fen, its own split or null for the plan's mall split, the merchant
 * that sells it or null for the platform's own goods, its stock and whether it is on the shelf. A coin-mall product
 * (金币商城, issue 20 item 1) has a coin price ({@code coinPriceFen} &gt; 0, coins in hundredths) and no cash price.
 */
public record Product(String product, String name, long priceFen, MallSplitFen split, String merchant, long stock,
        boolean onShelf, List<String> imageUrls, long coinPriceFen) {

    /** A product sold for cash. */
    public Product(String product, String name, long priceFen, MallSplitFen split, String merchant, long stock,
            boolean onShelf, List<String> imageUrls) {
        this(product, name, priceFen, split, merchant, stock, onShelf, imageUrls, 0);
    }

    /** Whether the product is sold in the coin mall, for coins only. */
    public boolean inCoins() {
        return coinPriceFen > 0;
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The product as the API shows it: amounts as decimal strings, the split's source named. */
    ObjectNode view() {
        ObjectNode view = JSON.createObjectNode();
        view.put("product", product);
        view.put("name", name);
        if (inCoins()) {
            view.put("coinPrice", Units.formatFen(coinPriceFen));
        } else {
            view.put("price", Units.formatFen(priceFen));
        }
        if (inCoins()) {
            view.putNull("split");
        } else if (split == null) {
            view.put("split", "plan");
        } else {
            ObjectNode parts = view.putObject("split");
            parts.put("cost", Units.formatFen(split.costFen()));
            parts.put("distribution", Units.formatFen(split.distributionFen()));
            parts.put("platform", Units.formatFen(split.platformFen()));
            parts.put("pool", Units.formatFen(split.poolFen()));
        }
        view.put("merchant", merchant);
        view.put("stock", stock);
        view.put("onShelf", onShelf);
        imageUrls.forEach(view.putArray("images")::add);
        return view;
    }
}
