package org.zengzhi.engine.party;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Suppliers and their products, with what a month's close needs of them: each supplier's baseline, its
 * settled sales and its fee reduction; each product's price, declared cost and the month's ratings.
 * Handles are dense and given in registration order.
 */
final class Catalogue {
    /** Suppliers one model holds. */
    static final int SUPPLIERS_MAX = 1_000_000;
    /** Products one model holds. */
    static final int PRODUCTS_MAX = 10_000_000;

    int suppliers;
    final HolderLongs baselineFen = new HolderLongs();
    final HolderLongs monthSalesFen = new HolderLongs();
    /** 0 none, 1 bought for next month, 2 in force this month, 3 both. */
    final HolderLongs feeDiscount = new HolderLongs();

    int products;
    final HolderLongs productSupplier = new HolderLongs();
    final HolderLongs priceFen = new HolderLongs();
    final HolderLongs costFen = new HolderLongs();
    final HolderLongs ratingSumCenti = new HolderLongs();
    final HolderLongs ratingCount = new HolderLongs();

    static final long DISCOUNT_BOUGHT = 1;
    static final long DISCOUNT_IN_FORCE = 2;

    boolean isSupplier(int supplier) {
        return supplier >= 0 && supplier < suppliers;
    }

    boolean isProduct(int product) {
        return product >= 0 && product < products;
    }

    int addSupplier(long baseline) {
        baselineFen.set(suppliers, baseline);
        return suppliers++;
    }

    int addProduct(int supplier, long price, long cost) {
        productSupplier.set(products, supplier);
        priceFen.set(products, price);
        costFen.set(products, cost);
        return products++;
    }

    int supplierOf(int product) {
        return (int) productSupplier.get(product);
    }

    boolean discountBought(int supplier) {
        return (feeDiscount.get(supplier) & DISCOUNT_BOUGHT) != 0;
    }

    boolean discountInForce(int supplier) {
        return (feeDiscount.get(supplier) & DISCOUNT_IN_FORCE) != 0;
    }

    /** At a month's close a reduction bought comes into force and the one in force ends. */
    void rollDiscounts() {
        for (int supplier = 0; supplier < suppliers; supplier++) {
            feeDiscount.set(supplier, discountBought(supplier) ? DISCOUNT_IN_FORCE : 0);
        }
    }

    void clearMonth() {
        monthSalesFen.clear();
        ratingSumCenti.clear();
        ratingCount.clear();
    }

    void write(DataOutput out) throws IOException {
        out.writeInt(suppliers);
        baselineFen.write(out);
        monthSalesFen.write(out);
        feeDiscount.write(out);
        out.writeInt(products);
        productSupplier.write(out);
        priceFen.write(out);
        costFen.write(out);
        ratingSumCenti.write(out);
        ratingCount.write(out);
    }

    void read(DataInput in) throws IOException {
        suppliers = in.readInt();
        baselineFen.read(in, SUPPLIERS_MAX);
        monthSalesFen.read(in, SUPPLIERS_MAX);
        feeDiscount.read(in, SUPPLIERS_MAX);
        products = in.readInt();
        productSupplier.read(in, PRODUCTS_MAX);
        priceFen.read(in, PRODUCTS_MAX);
        costFen.read(in, PRODUCTS_MAX);
        ratingSumCenti.read(in, PRODUCTS_MAX);
        ratingCount.read(in, PRODUCTS_MAX);
        if (suppliers < 0 || suppliers > SUPPLIERS_MAX || products < 0 || products > PRODUCTS_MAX) {
            throw new IOException("snapshot catalogue out of bounds");
        }
    }
}
