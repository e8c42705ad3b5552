package org.earshot.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.earshot.Wiring;
import org.earshot.config.EarshotConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "run", description = "Runs Earshot as a daemon: polls the connectors, opens tasks, posts approved replies.")
public final class RunCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Override
    public Integer call() throws InterruptedException {
        EarshotConfig loaded = config.load();
        Wiring wiring = Wiring.start(loaded, Clock.systemUTC());
        System.out.println(wiring.banner());
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM (systemctl stop) and Ctrl-C: no new polls, the posts and Slack sends under way finish, then
        // the database closes. systemd's TimeoutStopSec must be longer than the scheduler's grace (30s).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            org.slf4j.LoggerFactory.getLogger(RunCommand.class).info("stopping: finishing the posts and sends under way");
            wiring.close();
            org.slf4j.LoggerFactory.getLogger(RunCommand.class).info("stopped");
            stopped.countDown();
        }, "earshot-shutdown"));
        stopped.await();
        return 0;
    }
}
