package org.earshot.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.earshot.Wiring;
import org.earshot.domain.Role;
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

    @Mixin
    CallerOption caller;

    @Override
    public Integer call() {
        try (Wiring office = Wiring.office(config.load(), Clock.systemUTC())) {
            String actor = caller.actor(office.accounts(), Role.APPROVER, "rejecting a task");
            office.approvals().reject(id, reason, actor);
            System.out.println("task " + id + " rejected by " + actor + ": " + reason);
        }
        return 0;
    }
}
