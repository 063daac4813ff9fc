package org.zengzhi.server.merchant;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import org.zengzhi.engine.Command;
import org.zengzhi.server.gateway.CommandRequest;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.journal.ReadModelWrite;
import org.zengzhi.server.web.ReadTimes;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A store's display name and address, which its pay page shows. Not engine state (nothing of the economy depends
 * on them): a row per store, changed by the store's login or an operator; the caller checks which.
 */
public final class StoreSettings {
    public static final int NAME_LENGTH_MAX = 60;
    public static final int ADDRESS_LENGTH_MAX = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    /**
     * Sets both fields through the journal, under the caller's key: a Tick named after the store carries
     * the change, and the row is written in its transaction, so a retry answers the first result and the same key
     * with other values is a 409. The fields are checked first, as {@link #save} checks them.
     */
    public CompletableFuture<Response> saveOnce(EngineGateway gateway, String merchant, String displayName,
            String address, String by, String key) {
        String name = clean("displayName", displayName, NAME_LENGTH_MAX);
        String place = clean("address", address, ADDRESS_LENGTH_MAX);
        // The answer is the stored row as of the command's time, which the writer thread stamps before it renders.
        Instant[] at = new Instant[1];
        return gateway.submit(new CommandRequest(now -> {
            at[0] = now;
            return new Command.Tick("store-settings:" + merchant, now);
        }, events -> new Response(200, new Settings(merchant, name, place, by, at[0]).json()),
                "store-settings:" + merchant + ":" + key, String.join("|", String.valueOf(name), String.valueOf(place)),
                (command, events) -> List.of(
                        new ReadModelWrite("INSERT INTO store_settings (merchant, updated_by, updated_at) SELECT ?, ?, ? "
                                + "WHERE NOT EXISTS (SELECT 1 FROM store_settings WHERE merchant = ?)",
                                List.of(merchant, by, Timestamp.from(command.at()), merchant)),
                        new ReadModelWrite("UPDATE store_settings SET display_name = ?, address = ?, updated_by = ?, "
                                + "updated_at = ? WHERE merchant = ?", Arrays.asList(name, place, by,
                                        Timestamp.from(command.at()), merchant)))));
    }

    public StoreSettings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A store's settings; the name and address are null until set. */
    public record Settings(String merchant, String displayName, String address, String updatedBy, Instant updatedAt) {
        public String json() {
            ObjectNode view = JSON.createObjectNode();
            view.put("merchant", merchant);
            view.put("displayName", displayName);
            view.put("address", address);
            view.put("updatedBy", updatedBy);
            view.put("updatedAt", updatedAt == null ? null : updatedAt.toString());
            return JSON.writeValueAsString(view);
        }
    }

    /** A field that cannot be stored, named as the API names it. */
    public static final class InvalidSetting extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String field;

        InvalidSetting(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    public Settings find(String merchant) {
        List<Settings> found = jdbc.query("SELECT display_name, address, updated_by, updated_at FROM store_settings "
                + "WHERE merchant = ?", (rs, i) -> new Settings(merchant, rs.getString(1), rs.getString(2), rs.getString(3),
                        Instant.parse(ReadTimes.iso(rs.getObject(4)))), merchant);
        return found.isEmpty() ? new Settings(merchant, null, null, null, null) : found.get(0);
    }

    /**
     * Sets both fields (blank clears one), checked first: at most {@link #NAME_LENGTH_MAX} and
     * {@link #ADDRESS_LENGTH_MAX} characters, no control characters. Saving the same values again changes nothing
     * but the time, so a repeated request is harmless.
     */
    public Settings save(String merchant, String displayName, String address, String by) {
        String name = clean("displayName", displayName, NAME_LENGTH_MAX);
        String place = clean("address", address, ADDRESS_LENGTH_MAX);
        Timestamp now = Timestamp.from(Instant.now());
        int updated = jdbc.update("UPDATE store_settings SET display_name = ?, address = ?, updated_by = ?, updated_at = ? "
                + "WHERE merchant = ?", name, place, by, now, merchant);
        if (updated == 0) {
            try {
                jdbc.update("INSERT INTO store_settings (merchant, display_name, address, updated_by, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?)", merchant, name, place, by, now);
            } catch (DuplicateKeyException raced) {
                jdbc.update("UPDATE store_settings SET display_name = ?, address = ?, updated_by = ?, updated_at = ? "
                        + "WHERE merchant = ?", name, place, by, now, merchant);
            }
        }
        return find(merchant);
    }

    private static String clean(String field, String value, int lengthMax) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.codePointCount(0, text.length()) > lengthMax) {
            throw new InvalidSetting(field, "at most " + lengthMax + " characters");
        }
        if (text.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidSetting(field, "no line breaks or control characters");
        }
        if (text.codePoints().anyMatch(StoreSettings::isBidiControl)) {
            throw new InvalidSetting(field, "no bidirectional control characters (U+202A–U+202E, U+2066–U+2069, "
                    + "U+200E, U+200F, U+061C): they make a name shown on the pay page read as another");
        }
        return text;
    }

    /** The characters that reorder the text around them, such as the right-to-left override U+202E. */
    static boolean isBidiControl(int codePoint) {
        return codePoint >= 0x202A && codePoint <= 0x202E || codePoint >= 0x2066 && codePoint <= 0x2069
                || codePoint == 0x200E || codePoint == 0x200F || codePoint == 0x061C;
    }
}
