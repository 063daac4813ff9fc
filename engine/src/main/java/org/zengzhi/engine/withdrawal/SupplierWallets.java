package org.zengzhi.engine.withdrawal;

/**
 * The four-party model's suppliers as withdrawals see them (issue 19 item 2): a supplier's handle in the ledger,
 * its id, and the user who owns it. Without the model there are none.
 */
public interface SupplierWallets {
    /** Suppliers of an engine without the four-party model: none. */
    SupplierWallets NONE = new SupplierWallets() {
        @Override
        public int find(String supplier) {
            return -1;
        }

        @Override
        public int owner(int supplier) {
            return -1;
        }

        @Override
        public String id(int supplier) {
            throw new IllegalArgumentException("no suppliers without the four-party model");
        }
    };

    /** The supplier's handle (its owner index in the ledger), or −1 for an unknown one. */
    int find(String supplier);

    /** The participant who owns the supplier, or −1 when it has no owner. */
    int owner(int supplier);

    /** The supplier's id. */
    String id(int supplier);
}
