package org.earshot.cli;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.earshot.Wiring;
import org.earshot.domain.QuarantinedItem;
import org.earshot.intake.Requeue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "requeue", description = {
        "Reads again what polls could not read or store (the quarantine), for example after an upgrade.",
        "Without ids or --all, lists what waits. Exit code 1 when an item still cannot be read."})
public final class RequeueCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Parameters(paramLabel = "ID", arity = "0..*", description = "The quarantined items to read again.")
    List<Long> ids = new ArrayList<>();

    @Option(names = "--all", description = "Read every waiting item again.")
    boolean all;

    @Override
    public Integer call() {
        // The connectors are built (to read raw items again) but nothing polls or serves.
        try (Wiring wiring = new Wiring(config.load(), Wiring.CONNECTOR_FACTORIES, Clock.systemUTC(),
                Wiring.Timings.DEFAULT)) {
            Requeue requeue = wiring.requeue();
            if (!all && ids.isEmpty()) {
                List<QuarantinedItem> open = requeue.open(Integer.MAX_VALUE);
                open.forEach(i -> System.out.println(i.id() + "  " + i.connectorId() + "  " + i.externalId() + "  "
                        + i.reason() + (i.requeueResult() == null ? "" : "  (last requeue: " + i.requeueResult() + ")")));
                System.out.println(open.size() + " item(s) in quarantine");
                return 0;
            }
            List<Requeue.Outcome> outcomes = new ArrayList<>();
            if (all) {
                outcomes.addAll(requeue.requeueAll());
            }
            for (long id : ids) {
                Requeue.Outcome outcome = requeue.requeue(id).orElse(null);
                if (outcome == null) {
                    System.err.println("no quarantined item " + id);
                    return 3;
                }
                outcomes.add(outcome);
            }
            outcomes.forEach(o -> System.out.println(o.itemId() + "  " + o.result()));
            return outcomes.stream().allMatch(Requeue.Outcome::stored) ? 0 : 1;
        }
    }
}
