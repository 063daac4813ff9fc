package org.zengzhi.server.catalogue;

import java.util.List;

import org.zengzhi.engine.Units;
import org.zengzhi.engine.order.MallSplitFen;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A mall product (商品, R-2.2): its price in fen, its own split or null for the plan's mall split, the merchant
 * that sells it or null for the platform's own goods, its stock and whether it is on the shelf.
 */
public record Product(String product, String name, long priceFen, MallSplitFen split, String merchant, long stock,
        boolean onShelf, List<String> imageUrls) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The product as the API shows it: amounts as decimal strings, the split's source named. */
    ObjectNode view() {
        ObjectNode view = JSON.createObjectNode();
        view.put("product", product);
        view.put("name", name);
        view.put("price", Units.formatFen(priceFen));
        if (split == null) {
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
