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
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            wiring.close();
            stopped.countDown();
        }, "earshot-shutdown"));
        stopped.await();
        return 0;
    }
}
