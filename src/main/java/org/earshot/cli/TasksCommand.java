package org.earshot.cli;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.earshot.Wiring;
import org.earshot.domain.ResponseTask;
import org.earshot.domain.TaskState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "tasks", description = "Lists tasks, highest priority first (open ones unless --state says otherwise).")
public final class TasksCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(names = "--state", split = ",", paramLabel = "STATE",
            description = "Which states to list: NEW, APPROVED, REJECTED, POSTED, FAILED, ANSWERED_BY_HAND (default: NEW).")
    Set<TaskState> states = EnumSet.of(TaskState.NEW);

    @Option(names = "--limit", defaultValue = "50", description = "At most this many (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        try (Wiring office = Wiring.office(config.load(), Clock.systemUTC())) {
            List<ResponseTask> tasks = office.queries().list(states, limit);
            Instant now = Instant.now();
            System.out.println(TaskText.header());
            tasks.forEach(t -> System.out.println(TaskText.line(t, now)));
            System.out.println(tasks.size() + " task(s) " + states);
        }
        return 0;
    }
}
