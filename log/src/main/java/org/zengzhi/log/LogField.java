package org.zengzhi.log;

import java.util.HashMap;
import java.util.Map;

/** The fields a command-log line may carry. Any other field is ignored, so logs can carry notes. */
enum LogField {
    TYPE("type"),
    ID("id"),
    AT("at"),
    USER("user"),
    AMOUNT("amount"),
    POOL_SHARE("poolShare"),
    POINTS("points"),
    REFERRER("referrer"),
    MERCHANT("merchant"),
    OWNER("owner"),
    RECRUITER("recruiter"),
    REGION("region"),
    COMMISSION_RATE("commissionRate"),
    CHANNEL("channel"),
    SPLIT("split"),
    DEDUCT("deduct"),
    ORDER("order"),
    REASON("reason"),
    SUSPENDED("suspended"),
    YAML("yaml"),
    WITHDRAWAL("withdrawal"),
    APPROVE("approve"),
    PAID("paid"),
    REFERENCE("reference"),
    // Green points (issue 17), kept together at the end.
    VOUCHER("voucher"),
    COACH("coach"),
    MONTH("month"),
    COINS("coins"),
    // The four-party model (issue 18).
    SUPPLIER("supplier"),
    PRODUCT("product"),
    PRICE("price"),
    COST("cost"),
    BASELINE("baseline"),
    DEPOSIT("deposit"),
    QUANTITY("quantity"),
    CONTRIB("contrib"),
    PROMOTER("promoter"),
    DEVICE("device"),
    IP("ip"),
    RATING("rating"),
    TO("to"),
    ITEM("item"),
    SCORE("score"),
    BALANCE("balance"),
    YEAR("year");

    private static final Map<String, LogField> BY_NAME = new HashMap<>();

    static {
        for (LogField field : values()) {
            BY_NAME.put(field.jsonName, field);
        }
    }

    private final String jsonName;

    LogField(String jsonName) {
        this.jsonName = jsonName;
    }

    String jsonName() {
        return jsonName;
    }

    /** The field with this JSON name, or {@code null} for a field the log format does not know. */
    static LogField byName(String name) {
        return BY_NAME.get(name);
    }
}
