package org.zengzhi.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * The thread CPU time per order of {@link SettlementWorkload} under each plan, rounds interleaved in one JVM
 * (issues 17 and 18: green and four-party settlement within 20% of the appreciation plan's). On a machine that
 * other processes load, JMH's throughput follows their load; the CPU time of a fixed number of orders on the
 * measuring thread moves far less. Each round builds a fresh engine per plan, warms it with {@code warm} orders,
 * measures {@code orders} more and verifies every settlement (a wrong total throws).
 *
 * <pre>java -cp bench/target/benchmarks.jar org.zengzhi.bench.SettlementCpuTime [rounds] [orders] [warm] [users]</pre>
 */
public final class SettlementCpuTime {
    private SettlementCpuTime() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int orders = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int warm = args.length > 2 ? Integer.parseInt(args[2]) : 500_000;
        int users = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= rounds; round++) {
            for (SettlementWorkload.Model model : SettlementWorkload.Model.values()) {
                SettlementWorkload workload = new SettlementWorkload(model, users);
                for (int i = 0; i < warm; i++) {
                    workload.next();
                }
                long cpu = threads.getCurrentThreadCpuTime();
                long wall = System.nanoTime();
                for (int i = 0; i < orders; i++) {
                    workload.next();
                }
                cpu = threads.getCurrentThreadCpuTime() - cpu;
                wall = System.nanoTime() - wall;
                List<String> failures = workload.verify();
                if (!failures.isEmpty()) {
                    throw new IllegalStateException(model + ": " + failures);
                }
                System.out.printf("round %d %-12s cpu %6.0f ns/order (%,9.0f orders/s of CPU)  wall %6.0f ns/order  load %s%n",
                        round, model, (double) cpu / orders, orders * 1e9 / cpu, (double) wall / orders, load());
            }
        }
    }

    private static String load() {
        return String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
