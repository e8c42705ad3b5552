package org.earshot.cli;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.earshot.Wiring;
import org.earshot.domain.ResponseTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "show", description = "Shows one task: the mention, scores and reasons, the draft and its warnings, the history.")
public final class ShowCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Parameters(paramLabel = "ID", description = "The task's id.")
    long id;

    @Override
    public Integer call() {
        try (Wiring office = Wiring.office(config.load(), Clock.systemUTC())) {
            ResponseTask task = office.queries().get(id);
            System.out.print(TaskText.block(task, Instant.now()));
            office.queries().history(id).forEach(e ->
                    System.out.println("history  " + e.at() + "  " + e.actor() + "  " + e.action()));
        }
        return 0;
    }
}
