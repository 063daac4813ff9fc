package org.zengzhi.cluster.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The demo's child JVMs (brokers, nodes), each logging to its own file in the run's directory; their process ids
 * are appended to {@code pids} so the launcher's trap can end them even if this JVM is killed.
 */
public final class Processes implements AutoCloseable {
    private final Path dir;
    private final String java = ProcessHandle.current().info().command().orElse("java");
    private final String classpath = System.getProperty("java.class.path");
    private final List<Process> started = new ArrayList<>();
    private CpuCgroups cgroups;

    public Processes(Path dir) {
        this.dir = dir;
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "demo-cleanup"));
    }

    public synchronized Process java(String name, List<String> jvmOptions, String mainClass, List<String> args)
            throws IOException {
        return java(name, jvmOptions, mainClass, args, null);
    }

    /** CPU groups to remove once every process has ended ({@link #close}). */
    synchronized void removeAtClose(CpuCgroups groups) {
        this.cgroups = groups;
    }

    /** Starts a JVM; with {@code cgroupProcs} (not null) it runs in that CPU group from its first instruction. */
    synchronized Process java(String name, List<String> jvmOptions, String mainClass, List<String> args,
            Path cgroupProcs) throws IOException {
        List<String> command = new ArrayList<>();
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        return start(name, command, cgroupProcs);
    }

    /** Starts {@code java} with {@code arguments} (JVM options, then {@code -jar …} or a class), logging to NAME.log. */
    public synchronized Process start(String name, List<String> arguments) throws IOException {
        return start(name, arguments, null);
    }

    private Process start(String name, List<String> arguments, Path cgroupProcs) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(arguments);
        Path log = dir.resolve(name + ".log");
        if (cgroupProcs != null) {
            command = CpuCgroups.wrap(cgroupProcs, command);
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        started.add(process);
        Files.writeString(dir.resolve("pids"), process.pid() + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        return process;
    }

    /** Sends SIGKILL with {@code kill -9}: no shutdown hook, no goodbye to the consumer group. */
    public static void kill9(Process process) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-9", Long.toString(process.pid())).inheritIO().start().waitFor();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public synchronized void close() {
        for (Process p : started) {
            p.destroyForcibly();
        }
        for (Process p : started) {
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        started.clear();
        if (cgroups != null) {
            cgroups.close();
        }
    }
}
