package org.zengzhi.cluster.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21 deliver 4, emulated machines: a process the demo starts in a CPU group is in it from its first
 * instruction, under the quota asked for, and the groups are gone after. Runs where a CPU cgroup is writable (root).
 */
class CpuCgroupsTest {

    @Test
    void aWrappedProcessRunsInItsGroupUnderItsQuotaAndTheGroupsGoAtClose(@TempDir Path run) throws Exception {
        assumeTrue(Files.isWritable(Path.of("/sys/fs/cgroup/cpu/cgroup.procs"))
                || Files.isWritable(Path.of("/sys/fs/cgroup/cgroup.subtree_control")), "no writable CPU cgroup here");
        CpuCgroups cgroups = CpuCgroups.open("--node-cpu", run);
        Path procs = cgroups.group("node-1", 250);
        Path group = procs.getParent();
        Process p = new ProcessBuilder(CpuCgroups.wrap(procs, List.of("cat", "/proc/self/cgroup")))
                .redirectErrorStream(true).start();
        String cgroupOfChild = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        assertThat(cgroupOfChild).contains(group.getParent().getFileName() + "/node-1");
        String quota = Files.exists(group.resolve("cpu.max")) ? Files.readString(group.resolve("cpu.max")).trim()
                : Files.readString(group.resolve("cpu.cfs_quota_us")).trim();
        assertThat(quota).startsWith("25000"); // a quarter of each 100 ms period
        String weight = Files.exists(group.resolve("cpu.max")) ? Files.readString(group.resolve("cpu.weight")).trim()
                : Files.readString(group.resolve("cpu.shares")).trim();
        assertThat(weight).as("the highest weight: the quota is a floor too").isIn("10000", "262144");
        assertThat(Files.readAllLines(run.resolve("cgroups"))).startsWith(group.getParent().toString(),
                group.toString());
        assertThat(CpuCgroups.throttled(procs)).matches("\\d+x/\\d+ms");
        cgroups.joinUnlimited("load");
        assertThat(Files.readString(Path.of("/proc/self/cgroup"))).contains(group.getParent().getFileName() + "/load");
        cgroups.close();
        assertThat(Files.readString(Path.of("/proc/self/cgroup"))).as("this JVM moved back before the groups went")
                .doesNotContain(group.getParent().getFileName().toString());
        assertThat(group).doesNotExist();
        assertThat(group.getParent()).doesNotExist();
    }
}
