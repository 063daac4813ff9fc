package org.zengzhi.server.payment.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.zengzhi.server.gateway.Problems;

/**
 * The Idempotency-Key of the sandbox's completions (issue 19 item 6): the first successful answer under a key is
 * kept with the hash of its request (path and body), a retry with the same request gets it back without asking the
 * sandbox again, and the key with another request is {@code 409} naming {@code Idempotency-Key}. Failed answers are
 * not kept (they changed nothing), so a retry after a 404 or a 502 tries again. Two concurrent requests under one
 * key may both reach the sandbox; its callbacks are idempotent by transaction and transfer, so the first answer
 * stands either way, and the one whose record loses the race gets the winner's answer or a 409.
 */
@Component
class SandboxCompletions {
    private final JdbcTemplate jdbc;

    SandboxCompletions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    CompletableFuture<ResponseEntity<String>> once(String key, String path, byte[] body,
            Supplier<CompletableFuture<ResponseEntity<String>>> completion) {
        String hash = hash(path, body);
        ResponseEntity<String> known = known(key, hash);
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        return completion.get().thenApply(answer -> {
            if (answer.getStatusCode().value() != 200) {
                return answer;
            }
            try {
                jdbc.update("INSERT INTO sandbox_completions (idem_key, request_hash, response, created_at) "
                        + "VALUES (?, ?, ?, ?)", key, hash, answer.getBody(), Timestamp.from(Instant.now()));
                return answer;
            } catch (DuplicateKeyException raced) {
                ResponseEntity<String> first = known(key, hash);
                return first != null ? first : answer;
            }
        });
    }

    /** The kept answer for the key, a 409 when the key came with another request, or null when it is new. */
    private ResponseEntity<String> known(String key, String hash) {
        List<String[]> rows = jdbc.query("SELECT request_hash, response FROM sandbox_completions WHERE idem_key = ?",
                (row, i) -> new String[] {row.getString(1), row.getString(2)}, key);
        if (rows.isEmpty()) {
            return null;
        }
        if (!rows.get(0)[0].equals(hash)) {
            return PaymentController.entity(Problems.conflict("Idempotency-Key",
                    "this key was used with another request"));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(rows.get(0)[1]);
    }

    private static String hash(String path, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(path.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            if (body != null) {
                sha.update(body);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
