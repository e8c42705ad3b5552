package org.earshot.connector.imap;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.earshot.config.BrandConfig;
import org.earshot.connector.ConnectorException;
import org.earshot.connector.MentionSource;
import org.earshot.connector.PollResult;
import org.earshot.domain.IncomingMention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads new customer mail from one folder of one mailbox, forward from a cursor
 * "UIDVALIDITY:lastUID". The folder is opened read-only for each poll, so the connector never
 * changes the mailbox (mail stays unread for people using it too).
 */
public final class ImapMentionSource implements MentionSource {
    private static final Logger LOG = LoggerFactory.getLogger(ImapMentionSource.class);
    private static final String[] PREFETCHED_HEADERS = {"Message-ID", "References", "Reply-To", "Auto-Submitted", "Precedence"};

    private final ImapSettings settings;
    private final MailConnections connections;
    private final Set<String> ignoredSenders = new HashSet<>();

    public ImapMentionSource(ImapSettings settings, BrandConfig brand) {
        this.settings = settings;
        this.connections = new MailConnections(settings);
        // The brand's own addresses: its replies must never come back as mentions.
        ignoredSenders.add(settings.fromAddress().toLowerCase(Locale.ROOT));
        ignoredSenders.add(settings.username().toLowerCase(Locale.ROOT));
        brand.ownAccounts().forEach(a -> ignoredSenders.add(a.strip().toLowerCase(Locale.ROOT)));
        brand.excludedAuthors().forEach(a -> ignoredSenders.add(a.strip().toLowerCase(Locale.ROOT)));
    }

    @Override
    public PollResult poll(String cursor) throws ConnectorException {
        Optional<ImapCursor> from = parse(cursor);
        Store store = connections.openStore();
        Folder folder = null;
        try {
            folder = store.getFolder(settings.folder());
            folder.open(Folder.READ_ONLY);
            UIDFolder uids = (UIDFolder) folder;
            long validity = uids.getUIDValidity();
            if (from.isEmpty() && !settings.readExisting()) {
                return new PollResult(List.of(), new ImapCursor(validity, highestUid(folder)).toString());
            }
            long after = startAfter(from, validity);
            List<Message> batch = newMessages(folder, after);
            return read(folder, batch, validity, after);
        } catch (MessagingException e) {
            throw connections.imapFailure("reading " + settings.folder(), e);
        } finally {
            MailConnections.closeQuietly(folder);
            MailConnections.closeQuietly(store);
        }
    }

    private Optional<ImapCursor> parse(String cursor) {
        try {
            return ImapCursor.parse(cursor);
        } catch (IllegalArgumentException e) {
            // Starting over is safe: mentions are unique by Message-ID, so nothing is taken twice.
            LOG.warn("{}: {}; reading {} from its beginning", settings.connectorId(), e.getMessage(), settings.folder());
            return Optional.of(new ImapCursor(-1, 0));
        }
    }

    private long startAfter(Optional<ImapCursor> from, long validity) {
        if (from.isEmpty()) {
            return 0;
        }
        if (from.get().uidValidity() != validity) {
            LOG.warn("{}: the UIDVALIDITY of {} changed from {} to {} (the server renumbered the folder);"
                            + " reading it again from the beginning, already known mail is recognised by its Message-ID",
                    settings.connectorId(), settings.folder(), from.get().uidValidity(), validity);
            return 0;
        }
        return from.get().lastUid();
    }

    /**
     * The next messages after {@code after}, oldest first, at most one batch. IMAP's "after:*"
     * always returns the newest message even when it is older than {@code after}: hence the filter.
     */
    private List<Message> newMessages(Folder folder, long after) throws MessagingException {
        UIDFolder uids = (UIDFolder) folder;
        Message[] found = uids.getMessagesByUID(after + 1, UIDFolder.LASTUID);
        List<Message> batch = new ArrayList<>();
        for (Message m : found) {
            if (m != null && uids.getUID(m) > after) {
                batch.add(m);
            }
        }
        batch.sort(Comparator.comparingLong(m -> uid(uids, m)));
        return batch.size() > settings.maxMessagesPerPoll() ? batch.subList(0, settings.maxMessagesPerPoll()) : batch;
    }

    private PollResult read(Folder folder, List<Message> batch, long validity, long after) throws MessagingException {
        FetchProfile profile = new FetchProfile();
        profile.add(FetchProfile.Item.ENVELOPE);
        profile.add(FetchProfile.Item.CONTENT_INFO);
        profile.add(UIDFolder.FetchProfileItem.UID);
        Arrays.stream(PREFETCHED_HEADERS).forEach(profile::add);
        Message[] messages = batch.toArray(Message[]::new);
        folder.fetch(messages, profile);

        UIDFolder uids = (UIDFolder) folder;
        List<IncomingMention> mentions = new ArrayList<>();
        long last = after;
        int skipped = 0;
        for (Message m : messages) {
            long uid = uids.getUID(m);
            Optional<IncomingMention> mention = mention((MimeMessage) m, validity, uid);
            if (mention.isPresent()) {
                mentions.add(mention.get());
            } else {
                skipped++;
            }
            last = uid;
        }
        if (!batch.isEmpty()) {
            LOG.info("{}: read {} mails from {} ({} skipped), up to UID {}", settings.connectorId(),
                    batch.size(), settings.folder(), skipped, last);
        }
        return new PollResult(mentions, new ImapCursor(validity, last).toString());
    }

    private Optional<IncomingMention> mention(MimeMessage message, long validity, long uid) throws MessagingException {
        try {
            if (isAutomatic(message)) {
                LOG.debug("{}: skipping UID {}: an automatic reply", settings.connectorId(), uid);
                return Optional.empty();
            }
            var sender = MailMention.sender(message);
            if (sender != null && ignoredSenders.contains(sender.getAddress().toLowerCase(Locale.ROOT))) {
                LOG.debug("{}: skipping UID {}: from the brand's own or an excluded address {}",
                        settings.connectorId(), uid, sender.getAddress());
                return Optional.empty();
            }
            return Optional.of(MailMention.from(message, "uid:" + validity + ":" + uid + "@" + settings.folder()));
        } catch (MessageRemovedException e) {
            LOG.info("{}: UID {} was deleted while it was read; nothing to take", settings.connectorId(), uid);
            return Optional.empty();
        }
    }

    /** Out-of-office answers and other automatic mail (RFC 3834): answering them could start a loop. */
    private static boolean isAutomatic(MimeMessage message) throws MessagingException {
        String autoSubmitted = MailMention.header(message, "Auto-Submitted").toLowerCase(Locale.ROOT);
        String precedence = MailMention.header(message, "Precedence").toLowerCase(Locale.ROOT);
        return (!autoSubmitted.isEmpty() && !autoSubmitted.startsWith("no")) || precedence.equals("auto_reply");
    }

    private static long highestUid(Folder folder) throws MessagingException {
        UIDFolder uids = (UIDFolder) folder;
        long next = uids.getUIDNext();
        if (next > 0) {
            return next - 1;
        }
        int count = folder.getMessageCount();
        return count == 0 ? 0 : uids.getUID(folder.getMessage(count));
    }

    private static long uid(UIDFolder folder, Message m) {
        try {
            return folder.getUID(m);
        } catch (MessagingException e) {
            throw new IllegalStateException("a message listed by UID has no UID", e);
        }
    }
}
