package org.earshot.cli;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.earshot.Wiring;
import org.earshot.domain.ResponseTask;
import org.earshot.domain.Role;
import org.earshot.domain.TaskState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "approve", description = "Approves a task's reply (the draft, or --text); the running daemon posts it once.")
public final class ApproveCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Parameters(paramLabel = "ID", description = "The task's id.")
    long id;

    @Option(names = "--text", description = "Post this text instead of the draft.")
    String text;

    @Mixin
    CallerOption caller;

    @Option(names = "--override", description = "Approve although the reply breaks a hard rule; written to the audit log.")
    boolean override;

    @Override
    public Integer call() {
        try (Wiring office = Wiring.office(config.load(), Clock.systemUTC())) {
            String actor = override
                    ? caller.actor(office.accounts(), Role.ADMIN, "approving past a hard reply rule")
                    : caller.actor(office.accounts(), Role.APPROVER, "approving a reply");
            if (text != null) {
                // The edit's soft warnings are shown; hard ones stop the approval below unless overridden.
                office.approvals().check(id, text).forEach(w -> System.err.println("warning  " + w.line()));
            }
            ResponseTask task = office.approvals().approve(id, text, actor, override);
            if (task.state() == TaskState.ANSWERED_BY_HAND) {
                System.out.println("task " + task.id() + " closed as answered by hand by " + actor + " ("
                        + task.mention().platform().id() + " is read-only: post it yourself at " + task.mention().url()
                        + "); the answer on record:");
            } else if (task.isIncident()) {
                System.out.println("incident " + task.id() + " approved by " + actor + "; its statement will be posted"
                        + " once on each of " + task.incident().channelList() + " as:");
            } else {
                System.out.println("task " + task.id() + " approved by " + actor + "; it will be posted on "
                        + task.mention().platform().id() + " as:");
            }
            List<String> blocks = task.state() == TaskState.APPROVED
                    ? office.approvals().blocks(task.id(), task.decision().approvedText()) : List.of();
            if (blocks.size() > 1) {
                // As the platform will show it: one message after the other, each answering the last.
                for (int i = 0; i < blocks.size(); i++) {
                    System.out.println("  " + (i + 1) + "/" + blocks.size() + "  " + blocks.get(i));
                }
            } else {
                System.out.println(task.decision().approvedText());
            }
        }
        return 0;
    }
}
