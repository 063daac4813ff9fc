package org.zengzhi.server.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.web.GatewayCalls;
import org.zengzhi.simulator.fields.ScenarioException;
import org.zengzhi.simulator.run.Simulator;

import jakarta.annotation.PreDestroy;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's simulator (issue 20 item 6): runs a preset scenario ({@code scenarios/}, shipped in the server) or
 * the plan in force with a default population, on its own engines, never the live one nor its journal. One run at a
 * time per server, on one low-priority thread, so the engine's thread is not starved; a second start while one runs
 * is refused with 429; a run still going at the time cap ({@code zengzhi.simulator.time-cap}, 5 minutes) is stopped. The last {@link #KEEP} runs stay in memory (a restart forgets them), as do the first answers
 * of the last {@link #KEYS_KEEP} Idempotency-Keys.
 */
@Component
public class SimulationRuns {
    static final int KEEP = 5;
    static final int KEYS_KEEP = 200;
    /** The caps of the overrides: a run stays within tens of seconds on one core. */
    static final int MONTHS_MAX = 60;
    static final int PEOPLE_MAX = 20_000;
    static final int PATHS_MAX = 4;
    /** The value of {@code scenario} that runs the plan in force. */
    public static final String PLAN_IN_FORCE = "plan";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public enum State { RUNNING, DONE, FAILED }

    /** What a caller asks for: a preset's file name or {@link #PLAN_IN_FORCE}, and optional overrides. */
    public record Request(String scenario, Long seed, Integer months, Integer people, Integer paths) {
        String hash() {
            return scenario + "|" + seed + "|" + months + "|" + people + "|" + paths;
        }
    }

    /** One run; its fields change once, from RUNNING to DONE or FAILED. */
    public static final class Run {
        private final String id;
        private final Request request;
        private final Instant started;
        private volatile State state = State.RUNNING;
        private volatile Simulator.Report report;
        private volatile String error;
        private volatile long millis;
        private volatile boolean capped;

        Run(String id, Request request, Instant started) {
            this.id = id;
            this.request = request;
            this.started = started;
        }

        public String id() {
            return id;
        }

        public Request request() {
            return request;
        }

        public Instant started() {
            return started;
        }

        public State state() {
            return state;
        }

        public Simulator.Report report() {
            return report;
        }

        public String error() {
            return error;
        }

        public long millis() {
            return millis;
        }
    }

    private record Answer(String hash, Response response) {
    }

    private final JdbcTemplate jdbc;
    private final Duration timeCap;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "simulator-time-cap");
        thread.setDaemon(true);
        return thread;
    });
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new SynchronousQueue<>(), task -> {
                Thread thread = new Thread(task, "simulator");
                thread.setDaemon(true);
                thread.setPriority(Thread.MIN_PRIORITY);
                return thread;
            });
    private final Map<String, Run> runs = new LinkedHashMap<>();
    private final Map<String, Answer> answers = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Answer> eldest) {
            return size() > KEYS_KEEP;
        }
    };
    private final AtomicLong sequence = new AtomicLong();
    private Path folder;

    SimulationRuns(JdbcTemplate jdbc, @Value("${zengzhi.simulator.time-cap:PT5M}") Duration timeCap) {
        this.jdbc = jdbc;
        this.timeCap = timeCap;
    }

    @PreDestroy
    void stop() {
        watchdog.shutdownNow();
        executor.shutdownNow();
    }

    /** The preset scenarios' file names, sorted. */
    public List<String> presets() {
        try (var files = Files.list(folder().resolve("scenarios"))) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".yaml")).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a run: 202 with its id; a retry under the same key answers the same; 400 naming the field for a bad
     * request (nothing starts); 429 while another run is going.
     */
    public synchronized Response start(Request request, String key) {
        Response keyProblem = GatewayCalls.keyProblem(key);
        if (keyProblem != null) {
            return keyProblem;
        }
        Answer known = answers.get(key);
        if (known != null) {
            return known.hash().equals(request.hash()) ? known.response()
                    : Problems.conflict("Idempotency-Key", "this key was used with a different request body");
        }
        Response problem = check(request);
        if (problem != null) {
            return problem;
        }
        Simulator.Prepared prepared;
        try {
            prepared = prepare(request);
        } catch (ScenarioException e) {
            return Problems.badRequest(e.field(), e.getMessage());
        } catch (IOException e) {
            return Problems.problem(500, "Internal error", "scenario", "cannot read the scenario: " + e.getMessage());
        }
        Run run = new Run("sim-" + sequence.incrementAndGet(), request, Instant.now());
        try {
            Future<?> running = executor.submit(() -> execute(run, prepared, timeCap));
            watchdog.schedule(() -> {
                if (run.state() == State.RUNNING) {
                    run.capped = true;
                    running.cancel(true);
                }
            }, timeCap.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException busy) {
            return Problems.problem(429, "Too many requests", "scenario",
                    "a simulation is already running on this server; start this one when it has finished");
        }
        runs.put(run.id(), run);
        forget();
        Response accepted = new Response(202, JSON.writeValueAsString(Map.of("id", run.id(),
                "href", "/api/v1/operator/simulations/" + run.id())));
        answers.put(key, new Answer(request.hash(), accepted));
        return accepted;
    }

    public synchronized Run get(String id) {
        return runs.get(id);
    }

    /** The runs kept, newest first. */
    public synchronized List<Run> recent() {
        List<Run> list = new ArrayList<>(runs.values());
        list.sort(Comparator.comparing(Run::started).thenComparing(Run::id).reversed());
        return list;
    }

    /** Runs on the simulator's thread; past the time cap the watchdog interrupts it and the simulator stops. */
    private static void execute(Run run, Simulator.Prepared prepared, Duration timeCap) {
        long start = System.nanoTime();
        try {
            run.report = prepared.run();
            run.state = State.DONE;
        } catch (RuntimeException | OutOfMemoryError e) {
            run.error = run.capped ? "stopped at the time cap of " + (timeCap.toMillis() < 1000 ? timeCap.toMillis() + " ms"
                    : timeCap.toSeconds() + " s") + " (zengzhi.simulator.time-cap);"
                    + " run fewer months, people or paths" : e.getClass().getSimpleName() + ": " + e.getMessage();
            run.state = State.FAILED;
        } finally {
            run.millis = (System.nanoTime() - start) / 1_000_000;
        }
    }

    /** Keeps the newest {@link #KEEP} runs; a running one is never dropped. */
    private void forget() {
        List<Run> old = recent();
        for (int i = KEEP; i < old.size(); i++) {
            if (old.get(i).state() != State.RUNNING) {
                runs.remove(old.get(i).id());
            }
        }
    }

    private Response check(Request r) {
        if (r.scenario() == null || !(PLAN_IN_FORCE.equals(r.scenario()) || presets().contains(r.scenario()))) {
            return Problems.badRequest("scenario", "one of " + PLAN_IN_FORCE + " (the plan in force) or a preset: "
                    + String.join(", ", presets()));
        }
        if (r.seed() != null && r.seed() < 0) {
            return Problems.badRequest("seed", "a whole number of at least 0");
        }
        if (r.months() != null && (r.months() < 1 || r.months() > MONTHS_MAX)) {
            return Problems.badRequest("months", "a whole number from 1 to " + MONTHS_MAX);
        }
        if (r.people() != null && (r.people() < 1 || r.people() > PEOPLE_MAX)) {
            return Problems.badRequest("people", "a whole number from 1 to " + PEOPLE_MAX);
        }
        if (r.paths() != null && (r.paths() < 1 || r.paths() > PATHS_MAX)) {
            return Problems.badRequest("paths", "a whole number from 1 to " + PATHS_MAX);
        }
        return null;
    }

    private Simulator.Prepared prepare(Request r) throws ScenarioException, IOException {
        Path scenarios = folder().resolve("scenarios");
        Object tree;
        if (PLAN_IN_FORCE.equals(r.scenario())) {
            Path plan = Files.createTempDirectory(folder(), "plan-").resolve("plan.yaml");
            Files.writeString(plan, jdbc.queryForObject(
                    "SELECT COALESCE(current_plan_yaml, plan_yaml) FROM tenant WHERE id = 1", String.class),
                    StandardCharsets.UTF_8);
            tree = Simulator.defaults(plan);
            scenarios = plan.getParent();
        } else {
            tree = Simulator.load(scenarios.resolve(r.scenario()));
        }
        Integer paths = r.paths();
        if (paths == null && Simulator.model(tree, scenarios) == Simulator.Model.POOL) {
            paths = Math.min(PATHS_MAX, pathsOf(tree));
        }
        return Simulator.prepare(tree, scenarios, new Simulator.Overrides(r.seed(), r.months(), r.people(), paths));
    }

    /** A pool scenario's paths (10 when it says none, as the reader's default); an unreadable value is the reader's to name. */
    private static int pathsOf(Object tree) {
        Object paths = tree instanceof Map<?, ?> map ? map.get("paths") : null;
        try {
            return paths == null ? 10 : Integer.parseInt(paths.toString().trim());
        } catch (NumberFormatException e) {
            return PATHS_MAX;
        }
    }

    /** The presets and plans copied out of the server's classpath once, so a scenario's ../plans/x.yaml resolves. */
    private synchronized Path folder() {
        if (folder == null) {
            try {
                Path made = Files.createTempDirectory("zengzhi-simulator-");
                copy("scenarios", made);
                copy("plans", made);
                folder = made;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return folder;
    }

    private static void copy(String name, Path into) throws IOException {
        Path target = Files.createDirectories(into.resolve(name));
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:" + name + "/*.yaml")) {
            try (InputStream in = resource.getInputStream()) {
                Files.copy(in, target.resolve(resource.getFilename()));
            } catch (java.nio.file.FileAlreadyExistsException twice) {
                // the same preset on the classpath twice: the first one is kept
            }
        }
    }
}
