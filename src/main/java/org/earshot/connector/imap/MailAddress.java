package org.earshot.connector.imap;

import jakarta.mail.Address;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first person an address header names, read from the raw header the way it was written: no
 * domain ("From: customer"), raw 8-bit names, unknown charsets in encoded words. The IMAP server's
 * parsed ENVELOPE is never trusted for this: Jakarta Mail refuses the whole message when one
 * address in it is odd.
 *
 * @param address as written, lower-cased by the caller where it matters; never blank
 * @param name    the display name as text, or empty
 */
record MailAddress(String address, String name) {
    private static final Pattern ANGLE_ADDRESS = Pattern.compile("<([^<>]*)>");

    /**
     * @param raw  the header value, one char per byte as Jakarta Mail reads headers
     * @param hint the likeliest charset of raw 8-bit bytes (the body's), or null
     */
    static Optional<MailAddress> first(String raw, String hint) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        // Raw 8-bit bytes become text first; encoded words are ASCII, so they wait for the name.
        String text = EncodedWords.plain(raw.replaceAll("\r?\n", ""), hint);
        Address[] parsed;
        try {
            parsed = InternetAddress.parseHeader(text, false);
        } catch (AddressException e) {
            return angleAddress(text);
        }
        Optional<MailAddress> found = firstOf(parsed, hint);
        return found.isPresent() ? found : angleAddress(text);
    }

    private static Optional<MailAddress> firstOf(Address[] parsed, String hint) {
        for (Address a : parsed) {
            if (!(a instanceof InternetAddress ia) || ia.getAddress() == null || ia.getAddress().isBlank()) {
                continue;
            }
            if (!ia.isGroup()) {
                return Optional.of(new MailAddress(ia.getAddress().strip(), name(ia, hint)));
            }
            try {
                // "undisclosed-recipients:;" names no one; "team: a@x, b@y;" names its members.
                InternetAddress[] members = ia.getGroup(false);
                Optional<MailAddress> member = members == null ? Optional.empty() : firstOf(members, hint);
                if (member.isPresent()) {
                    return member;
                }
            } catch (AddressException e) {
                // a group whose members cannot be read names no one either
            }
        }
        return Optional.empty();
    }

    /** When even the lenient parser gives up, whatever stands in angle brackets is the address. */
    private static Optional<MailAddress> angleAddress(String text) {
        Matcher m = ANGLE_ADDRESS.matcher(text);
        if (m.find() && !m.group(1).isBlank()) {
            String phrase = text.substring(0, m.start()).strip();
            return Optional.of(new MailAddress(m.group(1).strip(), unquote(phrase)));
        }
        return Optional.empty();
    }

    /**
     * The display name decoded by our own rules. Jakarta Mail keeps the raw phrase only inside the
     * address's string form ("phrase <address>"), so it is taken from there.
     */
    private static String name(InternetAddress ia, String hint) {
        String full = ia.toString();
        String suffix = " <" + ia.getAddress() + ">";
        if (!full.endsWith(suffix)) {
            String personal = ia.getPersonal();
            return personal == null ? "" : EncodedWords.decode(personal, hint).strip();
        }
        return EncodedWords.decode(unquote(full.substring(0, full.length() - suffix.length())), hint).strip();
    }

    private static String unquote(String phrase) {
        String p = phrase.strip();
        if (p.length() >= 2 && p.startsWith("\"") && p.endsWith("\"")) {
            return p.substring(1, p.length() - 1).replaceAll("\\\\(.)", "$1");
        }
        return p;
    }
}
