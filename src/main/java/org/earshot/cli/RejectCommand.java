package org.earshot.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.earshot.Wiring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "reject", description = "Rejects a task's reply: nothing is posted.")
public final class RejectCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Parameters(paramLabel = "ID", description = "The task's id.")
    long id;

    @Option(names = "--reason", required = true, description = "Why nothing is posted (kept in the audit log).")
    String reason;

    @Option(names = "--as", defaultValue = "${sys:user.name}", description = "Who rejects (default: your user name).")
    String actor;

    @Override
    public Integer call() {
        try (Wiring office = Wiring.office(config.load(), Clock.systemUTC())) {
            office.approvals().reject(id, reason, actor);
            System.out.println("task " + id + " rejected by " + actor + ": " + reason);
        }
        return 0;
    }
}
