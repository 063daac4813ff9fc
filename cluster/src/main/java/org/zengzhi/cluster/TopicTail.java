package org.zengzhi.cluster;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one partition from its beginning and keeps reading it, on a thread of its own, handing each record to
 * {@code handler}. {@link #currentAfter} completes once a read that began after the given moment reached the
 * partition's end: everything written (and acknowledged) before that moment has then been handed over. Used for the
 * seals ({@link TenantSeals}) and the snapshots ({@link SnapshotStore}), so that neither needs a new consumer, and its
 * round trips, at the moment it is asked.
 */
final class TopicTail implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TopicTail.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private record Waiter(long sinceNanos, CompletableFuture<Void> done) {
    }

    private final ConcurrentLinkedQueue<Waiter> waiting = new ConcurrentLinkedQueue<>();
    private final KafkaConsumer<String, byte[]> reader;
    private final TopicPartition partition;
    private final Consumer<ConsumerRecord<String, byte[]>> handler;
    private final Thread thread;
    private volatile boolean running = true;

    TopicTail(String bootstrap, String topic, String clientId, Consumer<ConsumerRecord<String, byte[]>> handler) {
        this.reader = new KafkaConsumer<>(KafkaSettings.reader(bootstrap, clientId));
        this.partition = new TopicPartition(topic, 0);
        this.handler = handler;
        this.thread = new Thread(this::run, "tail-" + clientId);
        thread.setDaemon(true);
        thread.start();
    }

    /** Completes once a read to the partition's end that began after {@code sinceNanos} (System.nanoTime) is done. */
    CompletableFuture<Void> currentAfter(long sinceNanos) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!running) {
            done.completeExceptionally(new IllegalStateException("the reader of " + partition + " is closed"));
            return done;
        }
        waiting.add(new Waiter(sinceNanos, done));
        return done;
    }

    private void run() {
        try {
            reader.assign(List.of(partition));
            reader.seekToBeginning(List.of(partition));
            while (running) {
                try {
                    round();
                } catch (TimeoutException e) {
                    // a broker slow to answer: the waiters wait for the next round
                    LOG.warn("reading {} to its end timed out; trying again", partition);
                }
            }
        } catch (WakeupException e) {
            // closed
        } catch (RuntimeException e) {
            LOG.error("the reader of {} stopped", partition, e);
        } finally {
            running = false;
            reader.close(Duration.ZERO);
            waiting.forEach(w -> w.done().completeExceptionally(new IllegalStateException("the reader of "
                    + partition + " closed")));
        }
    }

    /** Reads what is there; if anyone waits, reads to the end first and then lets those who asked before go. */
    private void round() {
        if (waiting.isEmpty()) {
            reader.poll(Duration.ofMillis(50)).forEach(handler);
            return;
        }
        long began = System.nanoTime();
        long end = reader.endOffsets(List.of(partition), TIMEOUT).get(partition);
        while (reader.position(partition, TIMEOUT) < end) {
            reader.poll(Duration.ofMillis(100)).forEach(handler);
        }
        waiting.removeIf(w -> w.sinceNanos() < began && w.done().complete(null));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        try {
            reader.wakeup();
        } catch (IllegalStateException e) {
            // already closed by its thread
        }
        thread.join(10_000);
    }
}
