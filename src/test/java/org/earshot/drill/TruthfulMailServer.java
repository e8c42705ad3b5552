package org.earshot.drill;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.earshot.demo.DemoMailServer;

/**
 * A real mail server (GreenMail: IMAP and SMTP on loopback) holding the demo's customer mails in the
 * support mailbox, that keeps its own record of every reply its SMTP took: a reply is recorded when
 * the server has the whole mail, before it answers the DATA command, so a mail whose answer was held
 * open and never reached the killed daemon was still sent. Mail has no idempotency key: what stops a
 * copy is Earshot's own search of the Sent folder (over IMAP) for the reply's Message-ID.
 */
final class TruthfulMailServer implements DrillPlatform {
    private final RandomGenerator random;
    private final double heldShare;
    private final long heldMillis;
    private final List<Post> posts = new ArrayList<>();
    private final AtomicLong requests = new AtomicLong();
    private final Semaphore held = new Semaphore(0);
    private GreenMail greenMail;

    TruthfulMailServer(RandomGenerator random, double heldShare, long heldMillis) {
        this.random = random;
        this.heldShare = heldShare;
        this.heldMillis = heldMillis;
        start();
    }

    private void start() {
        greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(0, DemoMailServer.HOST, ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, DemoMailServer.HOST, ServerSetup.PROTOCOL_IMAP)});
        greenMail.start();
        GreenMailUser support = greenMail.setUser(DemoMailServer.USER, DemoMailServer.USER, DemoMailServer.PASSWORD);
        DemoMailServer.demoMails().forEach(support::deliver);
        MessageDeliveryHandler delivers = greenMail.getUserManager().getMessageDeliveryHandler();
        greenMail.getUserManager().setMessageDeliveryHandler((message, to) -> {
            record(message.getMessage());
            return delivers.handle(message, to);
        });
    }

    private void record(MimeMessage mail) throws MessagingException {
        requests.incrementAndGet();
        String text;
        try {
            text = String.valueOf(mail.getContent()).replace("\r\n", "\n").strip();
        } catch (IOException e) {
            throw new MessagingException("unreadable reply", e);
        }
        synchronized (this) {
            posts.add(new Post(mail.getMessageID(), header(mail, "In-Reply-To"), text, mail.getMessageID()));
        }
        if (random.nextDouble() < heldShare) {
            held.release();
            try {
                Thread.sleep(heldMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String header(MimeMessage mail, String name) throws MessagingException {
        String value = mail.getHeader(name, " ");
        return value == null ? "" : value.strip();
    }

    /** A fresh server (new ports, the support mailbox as the demo has it, no Sent folder). */
    @Override
    public synchronized void reset() {
        greenMail.stop();
        posts.clear();
        requests.set(0);
        held.drainPermits();
        start();
    }

    @Override
    public synchronized List<Post> posts() {
        return List.copyOf(posts);
    }

    @Override
    public long postRequests() {
        return requests.get();
    }

    @Override
    public boolean awaitHeldPost(long millis) throws InterruptedException {
        return held.tryAcquire(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public String connectorYaml() {
        return connectorYaml(imapPort(), smtpPort());
    }

    int imapPort() {
        return greenMail.getImap().getPort();
    }

    int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    /** The connector pointed at other ports (a {@link FaultyTcpProxy} in front of each). */
    String connectorYaml(int imapPort, int smtpPort) {
        return """
                  mail:
                    type: imap
                    brand: acme
                    schedule: 2s
                    imapHost: %1$s
                    imapPort: %2$d
                    smtpHost: %1$s
                    smtpPort: %3$d
                    ssl: false
                    username: %4$s
                    password: %5$s
                    folder: INBOX
                    fromAddress: %4$s
                    fromName: Acme Air Support
                """.formatted(DemoMailServer.HOST, imapPort, smtpPort,
                DemoMailServer.USER, DemoMailServer.PASSWORD).stripTrailing();
    }

    /** Earshot's id for a mail is its Message-ID and a fingerprint, {@code <id@host>#3f9c…}; a reply names the Message-ID. */
    @Override
    public String parentIdOf(String mentionExternalId) {
        int hash = mentionExternalId.lastIndexOf('#');
        return hash < 0 ? mentionExternalId : mentionExternalId.substring(0, hash);
    }

    /** Every mail of a reply answers the customer's mail. */
    @Override
    public boolean threadsBlocks() {
        return false;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
