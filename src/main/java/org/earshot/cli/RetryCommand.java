package org.earshot.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.earshot.Wiring;
import org.earshot.domain.ResponseTask;
import org.earshot.domain.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "retry", description = "Retries a FAILED task's blocked reply (refused for good, or out of attempts);"
        + " the running daemon posts it once.")
public final class RetryCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Parameters(paramLabel = "ID", description = "The task's id.")
    long id;

    @Mixin
    CallerOption caller;

    @Override
    public Integer call() {
        try (Wiring office = Wiring.office(config.load(), Clock.systemUTC())) {
            String actor = caller.actor(office.accounts(), Role.APPROVER, "retrying a blocked reply");
            ResponseTask task = office.approvals().retry(id, actor);
            System.out.println("task " + task.id() + " retried by " + actor + "; it will be posted on "
                    + task.platform().id() + " as:");
            System.out.println(task.decision().approvedText());
        }
        return 0;
    }
}
