package org.earshot.connector.feed;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.earshot.connector.ConnectorException;
import org.earshot.http.HttpReply;

/**
 * Reads a feed document with ROME. The body is kept byte for byte (as ISO-8859-1 text, which maps
 * each byte to one char) so that the XML reader can find the encoding the way XML says: from the
 * {@code Content-Type} charset, the byte-order mark or the {@code <?xml encoding="…"?>} declaration.
 * Doctypes are refused, so a feed cannot make the parser read local files.
 */
final class FeedXml {
    private FeedXml() {
    }

    /** HttpClient's response handler that keeps the body's bytes. */
    static HttpReply readKeepingBytes(ClassicHttpResponse response) throws IOException {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Header header : response.getHeaders()) {
            headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
        }
        byte[] body = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
        return new HttpReply(response.getCode(), headers, new String(body, StandardCharsets.ISO_8859_1));
    }

    static SyndFeed parse(HttpReply reply, URI feed) throws ConnectorException {
        byte[] bytes = reply.body().getBytes(StandardCharsets.ISO_8859_1);
        if (bytes.length == 0) {
            throw ConnectorException.transientFailure("feed " + feed + " answered with an empty body", null);
        }
        return parse(bytes, reply.header("Content-Type").orElse(null), feed);
    }

    /** The body's bytes as they came, for cutting an entry out of them. */
    static byte[] bytes(HttpReply reply) {
        return reply.body().getBytes(StandardCharsets.ISO_8859_1);
    }

    static SyndFeed parse(byte[] bytes, String contentType, URI feed) throws ConnectorException {
        try (XmlReader xml = new XmlReader(new ByteArrayInputStream(bytes), contentType, true)) {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            return input.build(xml);
        } catch (FeedException | IOException | IllegalArgumentException e) {
            throw ConnectorException.transientFailure("feed " + feed + " cannot be read as RSS or Atom: "
                    + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "unknown problem";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
