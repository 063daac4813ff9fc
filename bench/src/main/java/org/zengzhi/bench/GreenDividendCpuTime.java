package org.zengzhi.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The measuring thread's CPU time (and wall time) of one green dividend of {@link GreenDividendWorkload}, per
 * case of lots earned since the snapshot (issue 17 deliver 5). On a machine other processes load, JMH's
 * single-shot wall times follow their load; a dividend's CPU time on its thread moves far less (cache misses
 * still count in it). Each case builds its workload once, then per shot restores it, pays the dividend, checks
 * the total and the payment count (in the shot) and every holder's balance (after it); the first {@code warm}
 * shots are not reported.
 *
 * <pre>java -Xms3g -Xmx3g -XX:+AlwaysPreTouch -cp bench/target/benchmarks.jar org.zengzhi.bench.GreenDividendCpuTime
 *     [holders] [warm] [shots] [newPercent...]</pre>
 */
public final class GreenDividendCpuTime {
    private GreenDividendCpuTime() {
    }

    public static void main(String[] args) {
        int holders = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int warm = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int shots = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int[] cases = args.length > 3 ? new int[args.length - 3] : new int[] {0, 20, 100};
        for (int i = 3; i < args.length; i++) {
            cases[i - 3] = Integer.parseInt(args[i]);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int newPercent : cases) {
            GreenDividendWorkload workload = new GreenDividendWorkload(holders, 20260301L, newPercent);
            for (int shot = 1; shot <= warm + shots; shot++) {
                workload.restore();
                long cpu = threads.getCurrentThreadCpuTime();
                long wall = System.nanoTime();
                workload.check(workload.payDividend());
                cpu = threads.getCurrentThreadCpuTime() - cpu;
                wall = System.nanoTime() - wall;
                workload.checkBalances();
                if (shot > warm) {
                    System.out.printf("newPercent %3d shot %d  cpu %7.1f ms  wall %7.1f ms  load %s%n", newPercent,
                            shot - warm, cpu / 1e6, wall / 1e6, load());
                }
            }
        }
    }

    private static String load() {
        return String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
