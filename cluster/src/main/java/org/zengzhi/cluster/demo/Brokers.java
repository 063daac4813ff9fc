package org.zengzhi.cluster.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.common.Uuid;

/**
 * A KRaft cluster of {@code n} Kafka servers on loopback, each its own JVM running {@code kafka.Kafka} from the Maven
 * Central jars on this classpath, in combined mode (broker and controller in one process; a static quorum of all
 * of them, {@code controller.quorum.voters}). Storage is formatted with Kafka's storage tool first. Public for the
 * server-node demo (bench module, {@code org.zengzhi.bench.serverdemo}), which starts the same brokers.
 */
public final class Brokers {
    private final Path dir;
    private final Processes processes;
    private final int[] ports;
    private final int[] controllerPorts;
    private final int sessionMs;
    private final List<Process> servers = new ArrayList<>();
    private Path cgroupProcs;

    /** {@code sessionMs}: the consumer group protocol's session timeout (set on the brokers, not the clients). */
    public Brokers(Path dir, Processes processes, int n, int sessionMs) {
        this.dir = dir;
        this.sessionMs = sessionMs;
        this.processes = processes;
        this.ports = freePorts(n);
        this.controllerPorts = freePorts(n);
    }

    /** Runs every server in this CPU group (together under one quota, {@code --broker-cpu}); before {@link #start}. */
    void limit(Path procs) {
        this.cgroupProcs = procs;
    }

    List<Process> servers() {
        return List.copyOf(servers);
    }

    public String bootstrap() {
        return IntStream.of(ports).mapToObj(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
    }

    /** Writes each server's properties, formats its storage and starts it. */
    public void start() throws IOException, InterruptedException {
        String clusterId = Uuid.randomUuid().toString();
        List<Process> formats = new ArrayList<>();
        for (int i = 0; i < ports.length; i++) {
            Path props = writeProperties(i);
            formats.add(processes.java("format-" + (i + 1), List.of("-Xmx256m"), "kafka.tools.StorageTool",
                    List.of("format", "-t", clusterId, "-c", props.toString())));
        }
        for (int i = 0; i < formats.size(); i++) {
            if (formats.get(i).waitFor() != 0) {
                throw new IllegalStateException("formatting broker " + (i + 1) + " failed, see " + dir);
            }
        }
        for (int i = 0; i < ports.length; i++) {
            servers.add(processes.java("broker-" + (i + 1), List.of("-Xmx512m", "-XX:+UseG1GC"), "kafka.Kafka",
                    List.of(dir.resolve("broker-" + (i + 1) + ".properties").toString()), cgroupProcs));
        }
    }

    private Path writeProperties(int i) throws IOException {
        int n = ports.length;
        int replicas = Math.min(3, n);
        String voters = IntStream.range(0, n).mapToObj(j -> (j + 1) + "@127.0.0.1:" + controllerPorts[j])
                .collect(Collectors.joining(","));
        List<String> lines = new ArrayList<>(List.of(
                "process.roles=broker,controller",
                "node.id=" + (i + 1),
                "controller.quorum.voters=" + voters,
                "listeners=PLAINTEXT://127.0.0.1:" + ports[i] + ",CONTROLLER://127.0.0.1:" + controllerPorts[i],
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + ports[i],
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("broker-" + (i + 1) + "-data"),
                "offsets.topic.replication.factor=" + replicas,
                "offsets.topic.num.partitions=5",
                "transaction.state.log.replication.factor=" + replicas,
                "transaction.state.log.min.isr=" + Math.min(2, replicas),
                "min.insync.replicas=" + Math.min(2, replicas),
                "group.initial.rebalance.delay.ms=0",
                "group.min.session.timeout.ms=500",
                // Kafka 4's consumer group protocol (KIP-848): the session and heartbeat are the brokers' settings.
                // A dead node's tenants move after the session timeout; the survivors learn their new partitions
                // in their next heartbeat, so a short heartbeat interval shortens the hand-over too.
                "group.consumer.min.session.timeout.ms=500",
                "group.consumer.session.timeout.ms=" + sessionMs,
                "group.consumer.min.heartbeat.interval.ms=100",
                "group.consumer.heartbeat.interval.ms=" + heartbeatMs(sessionMs),
                "group.consumer.min.assignment.interval.ms=0",
                "group.consumer.assignment.interval.ms=0"));
        Path props = dir.resolve("broker-" + (i + 1) + ".properties");
        Files.write(props, lines);
        return props;
    }

    /** A sixth of the session timeout, at least 100 ms: several heartbeats may be lost before the session ends. */
    static int heartbeatMs(int sessionMs) {
        return Math.max(100, sessionMs / 6);
    }

    private static int[] freePorts(int n) {
        int[] ports = new int[n];
        for (int i = 0; i < n; i++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                ports[i] = socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ports;
    }

    public static int freePort() {
        return freePorts(1)[0];
    }
}
