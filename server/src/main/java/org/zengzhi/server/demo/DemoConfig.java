package org.zengzhi.server.demo;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zengzhi.engine.Command;
import org.zengzhi.server.gateway.CommandRequest;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Response;

/** With {@code zengzhi.demo=true}, an empty platform is filled with {@link DemoPopulation} at start. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "zengzhi.demo", havingValue = "true")
class DemoConfig {
    private static final Logger LOG = LoggerFactory.getLogger(DemoConfig.class);

    @Bean
    ApplicationRunner demo(EngineGateway gateway) {
        return args -> {
            if (gateway.query(engine -> engine.participantCount() > 0).join()) {
                LOG.info("the platform has participants already; the demo population is not added");
                return;
            }
            List<Command> commands = DemoPopulation.commands(Instant.now());
            CompletableFuture<?>[] done = new CompletableFuture<?>[commands.size()];
            for (int i = 0; i < commands.size(); i++) {
                Command command = commands.get(i);
                done[i] = gateway.submit(new CommandRequest(now -> command, events -> new Response(200, "{}"), null, null));
            }
            CompletableFuture.allOf(done).join();
            LOG.info("added the demo population: {} commands over four weeks", commands.size());
        };
    }
}
