package org.earshot.connector.imap;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.earshot.config.BrandConfig;
import org.earshot.connector.ConnectorException;
import org.earshot.connector.MentionSource;
import org.earshot.connector.PollResult;
import org.earshot.connector.UnreadableItem;
import org.earshot.domain.IncomingMention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads new customer mail from one folder of one mailbox, forward from a cursor
 * "UIDVALIDITY:lastUID". The folder is opened read-only for each poll, so the connector never
 * changes the mailbox (mail stays unread for people using it too).
 */
public final class ImapMentionSource implements MentionSource, org.earshot.connector.CredentialCheck {
    private static final Logger LOG = LoggerFactory.getLogger(ImapMentionSource.class);
    /** What {@link MailMention}, {@link MailIdentity} and {@link AutomaticMail} read, in one fetch per batch. */
    private static final String[] PREFETCHED_HEADERS = {"Message-ID", "From", "Sender", "Reply-To", "To", "Cc", "Date",
            "Subject", "In-Reply-To", "References", "Content-Type", "Auto-Submitted", "Precedence", "X-Autoreply",
            "X-Autorespond", "X-Autoresponder", "X-Failed-Recipients", "Return-Path"};

    private final ImapSettings settings;
    private final MailConnections connections;
    private final MailReader reader;

    public ImapMentionSource(ImapSettings settings, BrandConfig brand) {
        this.settings = settings;
        this.connections = new MailConnections(settings);
        // The brand's own addresses: its replies must never come back as mentions.
        Set<String> ignoredSenders = new HashSet<>();
        ignoredSenders.add(settings.fromAddress().toLowerCase(Locale.ROOT));
        ignoredSenders.add(settings.username().toLowerCase(Locale.ROOT));
        brand.ownAccounts().forEach(a -> ignoredSenders.add(a.strip().toLowerCase(Locale.ROOT)));
        brand.excludedAuthors().forEach(a -> ignoredSenders.add(a.strip().toLowerCase(Locale.ROOT)));
        this.reader = new MailReader(settings.connectorId(), connections.session(), ignoredSenders);
    }

    /** IMAP LOGIN, then the folder opened read-only to see that it is there: no mail is fetched. */
    @Override
    public String whoAmI() throws ConnectorException {
        Store store = connections.openStore();
        Folder folder = null;
        try {
            folder = store.getFolder(settings.folder());
            folder.open(Folder.READ_ONLY);
            return "IMAP " + settings.imapHost() + ":" + settings.imapPort() + " took the login of " + settings.username()
                    + "; " + settings.folder() + " holds " + folder.getMessageCount() + " mails";
        } catch (MessagingException e) {
            throw connections.imapFailure("opening " + settings.folder(), e);
        } finally {
            MailConnections.closeQuietly(folder);
            MailConnections.closeQuietly(store);
        }
    }

    @Override
    public PollResult poll(String cursor) throws ConnectorException {
        return pollInDetail(cursor).result();
    }

    /** The poll and what became of each mail it read: taken, skipped and why, or unreadable. */
    ImapPoll pollInDetail(String cursor) throws ConnectorException {
        Optional<ImapCursor> from = parse(cursor);
        Store store = connections.openStore();
        Folder folder = null;
        try {
            folder = store.getFolder(settings.folder());
            folder.open(Folder.READ_ONLY);
            UIDFolder uids = (UIDFolder) folder;
            long validity = uids.getUIDValidity();
            if (from.isEmpty() && !settings.readExisting()) {
                return new ImapPoll(new PollResult(List.of(), new ImapCursor(validity, highestUid(folder)).toString()),
                        List.of());
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
            // Starting over is safe: a mail read again gets the same id (MailIdentity), so nothing is taken twice.
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
                            + " reading it again from the beginning, already known mail is recognised by its id",
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

    private ImapPoll read(Folder folder, List<Message> batch, long validity, long after) throws MessagingException {
        Message[] messages = batch.toArray(Message[]::new);
        prefetch(folder, messages);
        UIDFolder uids = (UIDFolder) folder;
        List<ReadMail> read = new ArrayList<>();
        long last = after;
        for (Message m : messages) {
            long uid = uids.getUID(m);
            read.add(reader.read((MimeMessage) m, uid, "uid:" + validity + ":" + uid + "@" + settings.folder()));
            last = uid;
        }
        PollResult result = new PollResult(
                read.stream().map(ReadMail::mention).filter(java.util.Objects::nonNull).toList(),
                new ImapCursor(validity, last).toString(), -1,
                read.stream().map(ReadMail::unreadable).filter(java.util.Objects::nonNull).toList());
        if (!batch.isEmpty()) {
            LOG.info("{}: read {} mails from {} up to UID {}: {} taken{}{}", settings.connectorId(), batch.size(),
                    settings.folder(), last, result.mentions().size(), skippedSummary(read),
                    result.unreadable().isEmpty() ? "" : ", " + result.unreadable().size() + " unreadable");
        }
        return new ImapPoll(result, read);
    }

    /**
     * One round trip for the headers of the whole batch: enough to skip automatic and own mail
     * without fetching its body. Neither ENVELOPE nor BODYSTRUCTURE is asked for: those are the
     * server's parse of the mail, and one odd address or MIME part in them makes Jakarta Mail refuse
     * the mail (or makes a server drop the connection), so each mail is parsed here from its bytes.
     */
    private void prefetch(Folder folder, Message[] messages) throws MessagingException {
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        Arrays.stream(PREFETCHED_HEADERS).forEach(profile::add);
        try {
            folder.fetch(messages, profile);
        } catch (MessagingException e) {
            MailMention.rethrowIfConnectionLost(e);
            LOG.debug("{}: the batch fetch failed ({}); reading each mail on its own", settings.connectorId(), e.toString());
        }
    }

    private static String skippedSummary(List<ReadMail> read) {
        Map<String, Long> reasons = new TreeMap<>();
        read.stream().filter(r -> r.skipReason() != null).forEach(r -> reasons.merge(r.skipReason(), 1L, Long::sum));
        if (reasons.isEmpty()) {
            return "";
        }
        long total = reasons.values().stream().mapToLong(Long::longValue).sum();
        return ", " + total + " skipped (" + reasons.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(java.util.stream.Collectors.joining(", ")) + ")";
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

    @Override
    public List<IncomingMention> reread(UnreadableItem item) throws ConnectorException {
        return reader.reread(item);
    }
}
