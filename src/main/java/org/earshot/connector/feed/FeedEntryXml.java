package org.earshot.connector.feed;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.ProcessingInstruction;

/**
 * Cuts one entry out of a feed document, as a feed of its own: the document with every other
 * {@code <item>} or {@code <entry>} removed (the feed's title and namespaces stay, so it reads as
 * the whole feed did), with the feed's URL in an {@code <?earshot-feed url="…"?>} instruction in
 * front. Used only for an entry that cannot be made into a mention, so that it can be kept and read
 * again; doctypes are refused here too.
 */
final class FeedEntryXml {
    static final String FEED_INSTRUCTION = "earshot-feed";

    private FeedEntryXml() {
    }

    /**
     * The {@code index}th entry (in document order, as ROME lists them) as a one-entry feed, or empty
     * when the document's entries cannot be matched to ROME's ({@code count} of them) one to one.
     */
    static Optional<byte[]> oneEntryFeed(byte[] document, int index, int count, URI feed) {
        try {
            Document doc = parse(document);
            List<Element> entries = entries(doc);
            if (entries.size() != count || index < 0 || index >= entries.size()) {
                return Optional.empty();
            }
            for (int i = 0; i < entries.size(); i++) {
                if (i != index) {
                    entries.get(i).getParentNode().removeChild(entries.get(i));
                }
            }
            doc.insertBefore(doc.createProcessingInstruction(FEED_INSTRUCTION, "url=\"" + feed + "\""),
                    doc.getDocumentElement());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return Optional.of(out.toByteArray());
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** The feed URL a kept entry came from, from its {@code <?earshot-feed?>} instruction. */
    static Optional<URI> feedOf(byte[] kept) {
        try {
            for (Node n = parse(kept).getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof ProcessingInstruction pi && FEED_INSTRUCTION.equals(pi.getTarget())) {
                    String data = pi.getData().strip();
                    if (data.startsWith("url=\"") && data.endsWith("\"")) {
                        return Optional.of(URI.create(data.substring(5, data.length() - 1)));
                    }
                }
            }
        } catch (Exception e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Atom's entries and RSS 1.0's items sit under the root, RSS 0.9x/2.0's under {@code channel}. */
    private static List<Element> entries(Document doc) {
        List<Element> entries = new ArrayList<>();
        Element root = doc.getDocumentElement();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                if (isEntry(e)) {
                    entries.add(e);
                } else if ("channel".equals(name(e))) {
                    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                        if (c instanceof Element item && isEntry(item)) {
                            entries.add(item);
                        }
                    }
                }
            }
        }
        return entries;
    }

    private static boolean isEntry(Element e) {
        return "item".equals(name(e)) || "entry".equals(name(e));
    }

    private static String name(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(new ByteArrayInputStream(xml));
    }
}
