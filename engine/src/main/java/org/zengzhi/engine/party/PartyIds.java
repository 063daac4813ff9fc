package org.zengzhi.engine.party;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.zengzhi.engine.Limits;
import org.zengzhi.engine.RejectionCode;

/**
 * The four-party model's external ids at the edge: suppliers, products and orders by the ids commands carry,
 * each given the next dense handle in order of first sight, so that the model works on handles only. Maps are
 * used for lookups by id, never iterated to decide anything; lists keep the order of registration.
 */
public final class PartyIds {
    /** The item of a token redemption that buys the fee reduction rather than a traffic package. */
    public static final String FEE_DISCOUNT = "feeDiscount";
    /** The longest supplier or product id. */
    public static final int ID_LENGTH_MAX = Limits.PARTICIPANT_ID_LENGTH_MAX;

    private final List<String> suppliers = new ArrayList<>();
    private final Map<String, Integer> supplierHandles = new HashMap<>();
    /**
     * Each supplier's owner (a participant, −1 for none; issue 19 item 2), by handle. Not in this part of the
     * snapshot: the supplier-wallet part holds them, written only once a supplier has an owner.
     */
    private final List<Integer> supplierOwners = new ArrayList<>();
    private final List<String> products = new ArrayList<>();
    private final Map<String, Integer> productHandles = new HashMap<>();
    /** Every order ever paid, by handle (its sequence number), so that a late verification still finds it. */
    private final List<String> orders = new ArrayList<>();
    private final OrderIndex orderHandles = new OrderIndex();
    /**
     * The oldest order not yet dropped from the due queue: every order from it to the newest is paid and not yet
     * settled or refunded (a refunded one is dropped when it comes up), in payment order, which is due order.
     */
    private long openHead;
    /** Four-party orders paid by each holder: the invite reward goes with the first. */
    private final HolderLongs ordersByHolder = new HolderLongs();

    List<String> suppliers() {
        return suppliers;
    }

    public List<String> supplierIds() {
        return List.copyOf(suppliers);
    }

    public List<String> productIds() {
        return List.copyOf(products);
    }

    RejectionCode supplierIdProblem(String id) {
        if (invalid(id)) {
            return RejectionCode.INVALID_SUPPLIER_ID;
        }
        return supplierHandles.containsKey(id) ? RejectionCode.SUPPLIER_EXISTS : null;
    }

    RejectionCode productIdProblem(String id) {
        if (invalid(id)) {
            return RejectionCode.INVALID_PRODUCT_ID;
        }
        return productHandles.containsKey(id) ? RejectionCode.PRODUCT_EXISTS : null;
    }

    private static boolean invalid(String id) {
        return id == null || id.isEmpty() || id.length() > ID_LENGTH_MAX;
    }

    void addSupplier(String id) {
        supplierHandles.put(id, suppliers.size());
        suppliers.add(id);
        supplierOwners.add(-1);
    }

    /** The participant who owns the supplier (withdraws its cash), or −1 for none (issue 19 item 2). */
    public int supplierOwner(int handle) {
        return supplierOwners.get(handle);
    }

    /** Sets a supplier's owner: at registration, and from a snapshot. */
    public void setSupplierOwner(int handle, int participant) {
        supplierOwners.set(handle, participant);
    }

    /** True once any supplier has an owner: then the snapshot carries the supplier-wallet part. */
    public boolean anyOwner() {
        return supplierOwners.stream().anyMatch(owner -> owner >= 0);
    }

    void addProduct(String id) {
        productHandles.put(id, products.size());
        products.add(id);
    }

    /** The supplier's handle, or −1. */
    public int supplier(String id) {
        Integer handle = id == null ? null : supplierHandles.get(id);
        return handle == null ? -1 : handle;
    }

    public String supplierId(int handle) {
        return suppliers.get(handle);
    }

    int product(String id) {
        Integer handle = id == null ? null : productHandles.get(id);
        return handle == null ? -1 : handle;
    }

    String productId(int handle) {
        return products.get(handle);
    }

    /** The order's handle, or −1 for an id never paid. */
    long order(String id) {
        return id == null ? -1 : orderHandles.find(id, orders);
    }

    String orderId(long handle) {
        return orders.get((int) handle);
    }

    long nextOrder() {
        return orders.size();
    }

    long ordersOf(int holder) {
        return holder < ordersByHolder.size() ? ordersByHolder.get(holder) : 0;
    }

    void addOrder(String id, int holder) {
        int handle = orders.size();
        orders.add(id);
        orderHandles.add(handle, orders);
        ordersByHolder.add(holder, 1);
    }

    /** The oldest order not yet settled or refunded (a refunded one is dropped when it comes up), or −1. */
    long oldestOpen() {
        return openHead < orders.size() ? openHead : -1;
    }

    void dropOldestOpen() {
        openHead++;
    }

    int openCount() {
        return (int) (orders.size() - openHead);
    }

    void write(DataOutput out) throws IOException {
        writeIds(out, suppliers);
        writeIds(out, products);
        writeIds(out, orders);
        out.writeInt(openCount());
        for (long handle = openHead; handle < orders.size(); handle++) {
            out.writeLong(handle);
        }
        ordersByHolder.write(out);
    }

    static PartyIds read(DataInput in) throws IOException {
        PartyIds ids = new PartyIds();
        for (String id : readIds(in, Catalogue.SUPPLIERS_MAX)) {
            ids.addSupplier(id);
        }
        for (String id : readIds(in, Catalogue.PRODUCTS_MAX)) {
            ids.addProduct(id);
        }
        for (String id : readIds(in, Integer.MAX_VALUE)) {
            ids.orders.add(id);
            ids.orderHandles.add(ids.orders.size() - 1, ids.orders);
        }
        int openCount = in.readInt();
        if (openCount < 0 || openCount > ids.orders.size()) {
            throw new IOException("four-party snapshot: " + openCount + " open orders of " + ids.orders.size());
        }
        ids.openHead = ids.orders.size() - openCount;
        for (long handle = ids.openHead; handle < ids.orders.size(); handle++) {
            if (in.readLong() != handle) {
                throw new IOException("four-party snapshot: the due queue is not the newest orders in payment order");
            }
        }
        ids.ordersByHolder.read(in, PartyOrders.HOLDERS_MAX);
        return ids;
    }

    private static void writeIds(DataOutput out, List<String> ids) throws IOException {
        out.writeInt(ids.size());
        for (String id : ids) {
            out.writeUTF(id);
        }
    }

    private static List<String> readIds(DataInput in, int max) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > max) {
            throw new IOException("four-party snapshot: " + count + " ids, at most " + max);
        }
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(in.readUTF());
        }
        return ids;
    }
}
