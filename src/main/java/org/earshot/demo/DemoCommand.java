package org.earshot.demo;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.earshot.Wiring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", description = "Runs Earshot on simulated platforms: WireMock as Mastodon, X, Reddit, Bluesky and feeds, GreenMail as the "
        + "support mailbox, the web queue on localhost. No account or network needed.")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8080", description = "The web queue's port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = {"-c", "--config"}, defaultValue = "config/demo.yaml", description = "Default: ${DEFAULT-VALUE}.")
    Path config;

    @Option(names = "--wiremock", defaultValue = "wiremock", description = "The stubs folder (default: ${DEFAULT-VALUE}).")
    Path wiremock;

    @Option(names = "--data", defaultValue = "data/demo", description = "The demo's database folder (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--keep", description = "Keep the previous demo's tasks instead of starting fresh.")
    boolean keep;

    @Override
    public Integer call() throws InterruptedException {
        DemoEnvironment demo = DemoEnvironment.start(config, wiremock, data, keep, port);
        Wiring wiring;
        try {
            wiring = new Wiring(demo.config(), Wiring.CONNECTOR_FACTORIES, Clock.systemUTC(), Wiring.Timings.DEFAULT);
        } catch (RuntimeException e) {
            demo.close();
            throw e;
        }
        java.util.List<DemoAccounts.Login> logins;
        try {
            if (!keep) {
                // Before the first poll, so the spike, service-level and follow-up alerts have their past.
                DemoHistory.seed(wiring.database(), wiring.config(), Clock.systemUTC().instant());
            }
            logins = DemoAccounts.prepare(wiring.accounts());
            wiring.startScheduler();
            wiring.startWeb();
        } catch (RuntimeException e) {
            wiring.close();
            demo.close();
            throw e;
        }
        String web = "http://localhost:" + wiring.webPort();
        System.out.println();
        System.out.println("Earshot demo is running. Tasks appear within a few seconds; Ctrl-C stops it.");
        System.out.println("  web queue        " + web + "/login");
        logins.forEach(l -> System.out.printf("  sign in as       %s / %s   (%s: %s)%n", l.name(), l.password(), l.role().id(),
                l.role().can()));
        System.out.println("  API              " + web + "/api/tasks?state=NEW");
        System.out.println("  API token        " + demo.apiToken() + "   (Authorization: Bearer <token>)");
        demo.platforms().forEach((id, server) -> System.out.printf("  %-16s http://127.0.0.1:%d   requests it received: "
                + "http://127.0.0.1:%d/__admin/requests%n", id + " (sim)", server.port(), server.port()));
        WireMockServer slack = demo.platforms().get("slack");
        if (slack != null) {
            System.out.println("  alerts (Slack)   http://127.0.0.1:" + slack.port() + "/__admin/requests   every alert"
                    + " sent: new mention, spike, service levels, connector, follow-up, digest (within a minute)");
            System.out.println("  on purpose       connector " + DemoHistory.REVOKED_CONNECTOR + " has a revoked token:"
                    + " its 401 in the log below and its alert show what a broken connector looks like");
        }
        System.out.println("  mailbox (sim)    IMAP 127.0.0.1:" + demo.mail().imapPort() + ", SMTP 127.0.0.1:"
                + demo.mail().smtpPort() + ", user " + demo.mail().user() + " / " + demo.mail().password() + ", "
                + demo.mail().seededCount() + " customer e-mails seeded");
        System.out.println("  database         " + demo.config().storage().jdbcUrl());
        System.out.println("  try              curl -s -H 'Authorization: Bearer " + demo.apiToken() + "' " + web
                + "/api/tasks?state=NEW");
        System.out.println("                   java -jar target/earshot.jar tasks --config " + config);
        System.out.println();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the demo ...");
            wiring.close();
            demo.close();
            stopped.countDown();
        }, "earshot-demo-shutdown"));
        stopped.await();
        return 0;
    }
}
