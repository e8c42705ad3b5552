package org.earshot.connector.bluesky;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.earshot.config.BrandConfig;
import org.earshot.config.ConnectorConfig;
import org.earshot.connector.Connector;
import org.earshot.domain.Author;
import org.earshot.domain.Mention;
import org.earshot.domain.Platform;
import org.earshot.testing.ConnectorConfigs;

/** A Bluesky connector as the config would build it, pointed at a stub, and the demo stubs' ids. */
final class BlueskyFixtures {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String OWN_DID = "did:plc:kjdzhvtacezb6jmezwklhl5n";
    static final String ACCESS_JWT = "eyJ0eXAiOiJhdCtqd3QiLCJhbGciOiJFUzI1NksifQ.93Rj3icWb4bvbt0bX0WadrufHQ7GDlSXo4tHN8NMgBpnIgva6dMMJ2R0aPwSVEaOInGJe7wZN5oFe8ybVTyO4y0sIyHmw9GMhVGythsZAX5lHwkuM5RcAioNI0tpr7lkpInFsI5rMZlpVkMjULD3uo3CkrZcrxiUzuEz1otxwegzZHqDcXEi.MDtglwZCq6Z04EYylEOUWujnA34AI597914FC9dGHV20H8JSWpHW1Ds1I4yjDo-KBPvnvn4UZBDvW5G3-IbupD";
    static final String REFRESH_JWT = "eyJ0eXAiOiJhdCtqd3QiLCJhbGciOiJFUzI1NksifQ.0BjVQDGJf6UXs6A9gPZRHbyvC5xdmGg65tpJKoyRdHkpb1sAttSYVSsHbeiJKpM2u0KSonTzJ84jkFA4dUIk1h9HT73k2AZDKeczaEWWVdFg8f7ERdKyFLgUrBWxCbmemLdy1TM5VA8SCJyDZ3ijSbdt8zQhJ1AkIZYJVgmlggqUJeCZTCAI.-2jqpUMRZKazcczeeOj5aHb6NcUNQlUe1fkAwGSpShr0iIpPOKP8AtxAdiT765iYA-s5keVnKTigy8LUnN_1Dz";
    static final String REFRESHED_ACCESS_JWT = "eyJ0eXAiOiJhdCtqd3QiLCJhbGciOiJFUzI1NksifQ.BJaBb74llguUa6Q8ayCUpIY1kMC8HlfUiRiDOpvyiGlF7cMmwSUV7kYk9iBTHI4ydR2UAmLNqr1dQEyzZyxH40qP6vzAGEheDcEmmGapuUNN584PJnoUDhlSW4F50jiCVzRXHOMUuWhLwHOggFUjgzwGf4JOxSXozMf3nv2AbHU68D8ollf3.8UVy1fthmtord8vr0ileFqX8u8vtHv8RnsB2m6uidgVIocc2-nkLh7AbgF3WRCuPL5gVD3vuY0ELBoya3Foc59";

    static final String MAYA_URI = "at://did:plc:i7bwvdtb3tvtlkcxl3gorbii/app.bsky.feed.post/3n2njg5t7ysmn";
    static final String MAYA_CID = "bafyreihl7swfxktmyqxffdja3jm3s4bhk3ovqtowuzky3hy5qjlboauied";
    static final String TOMASZ_URI = "at://did:plc:gaaphj6hr63ihpgioougwunq/app.bsky.feed.post/3n2nkzmkg3srd";
    static final String PRIYA_URI = "at://did:plc:xmwnutv2eyp5rezaqdqcgn7k/app.bsky.feed.post/3n2nmfd7ve2hw";
    static final String LENA_URI = "at://did:plc:udrcrevs53nkbnp33og3f35s/app.bsky.feed.post/3n2nncly5lkbp";
    static final String LENA_CID = "bafyrei5yhdbpfpw3aze6dzwymc5yryezxwjn6nky7vhgg422nbisv3yrjq";
    static final String OWN_URI = "at://did:plc:kjdzhvtacezb6jmezwklhl5n/app.bsky.feed.post/3n2novbgmrk2b";
    static final String DAN_URI = "at://did:plc:ff4z6jogt2xxudhvr5vd2ie5/app.bsky.feed.post/3n2nplji6hswp";
    static final String DAN_CID = "bafyrei2ehkwjrefncbipmwxepmbhuh2v7py6d3mghevk6ex3et3xf6lmk7";
    static final String JO_URI = "at://did:plc:iy3fsth43ih74y6lltxkgs54/app.bsky.feed.post/3n2nq2e5pvkk2";
    static final String DEMO_CURSOR = "{\"acme air\":{\"since\":\"2026-11-19T09:02:26.755Z\",\"uris\":[\"" + DAN_URI
            + "\"]},\"#acmeair\":{\"since\":\"2026-11-19T09:10:44.486Z\",\"uris\":[\"" + JO_URI + "\"]}}";

    private BlueskyFixtures() {
    }

    static BrandConfig brand() {
        return new BrandConfig("acme", "Acme Air", List.of("acme air", "acmeair"), List.of("@acmeair"),
                List.of("#acmeair"), List.of(), List.of("spam-deals.bsky.social"),
                List.of("acmeair.bsky.social", "support@acme.example"));
    }

    /** The settings node as it sits under connectors.bluesky, with tiny retry waits for tests. */
    static ObjectNode settings(String baseUrl) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", "bluesky");
        node.put("baseUrl", baseUrl);
        node.put("identifier", "acmeair.bsky.social");
        node.put("appPassword", "abcd-efgh-ijkl-mnop");
        node.put("retryBackoff", "1ms");
        return node;
    }

    static ConnectorConfig config(ObjectNode settings) {
        return ConnectorConfigs.acme("bluesky", "bluesky", Duration.ofSeconds(60), settings);
    }

    static Connector connector(ObjectNode settings) {
        return new BlueskyConnectorFactory().create(config(settings), brand());
    }

    static Connector connector(ObjectNode settings, BrandConfig brand) {
        return new BlueskyConnectorFactory().create(config(settings), brand);
    }

    /** Dan's urgent post, as the store keeps it: it starts its own thread. */
    static Mention dansMention() {
        return mention(DAN_URI, DAN_CID, DAN_URI, DAN_CID, "dan-whitfield.bsky.social", "Dan Whitfield");
    }

    /** Lena's reply under Maya's post: answers go under Lena's post, in Maya's thread. */
    static Mention lenasMention() {
        return mention(LENA_URI, LENA_CID, MAYA_URI, MAYA_CID, "lena-fischer.bsky.social", "Lena Fischer");
    }

    private static Mention mention(String uri, String cid, String rootUri, String rootCid, String handle, String name) {
        return new Mention(11, "bluesky", "acme", Platform.BLUESKY, uri, new Author(handle, name, 97),
                "@maya-ortiz.bsky.social same here.", "", Instant.parse("2026-11-19T08:21:39.902Z"),
                "https://bsky.app/profile/" + handle + "/post/" + BlueskyPosts.recordKey(uri),
                Map.of("uri", uri, "cid", cid, "rootUri", rootUri, "rootCid", rootCid, "handle", handle),
                Instant.parse("2026-11-19T08:22:00Z"));
    }
}
