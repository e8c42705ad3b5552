package org.earshot.scoring.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The public labelled sets in {@code ../shared/data} (test data only: the product never reads them),
 * each split once, before anything was tuned, into a training part and a held-out fifth chosen by a
 * hash of the item's id, so the split never changes between runs.
 */
final class PublicSets {
    /** One labelled text; {@code negative} is the binary label, {@code rating} VADER's -4..4 where there is one. */
    record Item(String id, String text, boolean negative, double rating, boolean heldOut) {
    }

    private static final Path VADER = Path.of("shared", "data", "vader_tweets_groundtruth.txt");
    private static final Path COMPLAINTS = Path.of("shared", "data", "labelled", "preotiuc_complaints_acl2019.jsonl");
    /** VADER tweets rated below this by people count as negative: -0.5 is "slightly negative" and worse. */
    static final double VADER_NEGATIVE_BELOW = -0.5;

    private PublicSets() {
    }

    /** Null when the shared folder is not beside the project. */
    static Path find(Path relative) {
        Path dir = Path.of("").toAbsolutePath().getParent();
        for (int up = 0; up < 2 && dir != null; up++, dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        return null;
    }

    static boolean available() {
        return find(VADER) != null && find(COMPLAINTS) != null;
    }

    /** VADER's 4,200 human-rated tweets (MIT licence). */
    static List<Item> vaderTweets() {
        List<Item> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(find(VADER), StandardCharsets.UTF_8)) {
                String[] cells = line.strip().split("\t", 3);
                if (cells.length < 3) {
                    continue;
                }
                double rating = Double.parseDouble(cells[1]);
                String id = "vader-" + cells[0];
                out.add(new Item(id, cells[2], rating < VADER_NEGATIVE_BELOW, rating, heldOut(id)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Preoțiuc-Pietro et al.'s 3,419 tweets labelled complaint or not (no licence: test only). */
    static List<Item> complaintTweets() {
        ObjectMapper json = new ObjectMapper();
        List<Item> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(find(COMPLAINTS), StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = json.readTree(line);
                String id = n.get("id").asText();
                boolean complaint = n.get("complaint").asInt() == 1;
                out.add(new Item(id, n.get("text").asText(), complaint, Double.NaN, heldOut(id)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static List<Item> training(List<Item> set) {
        return set.stream().filter(i -> !i.heldOut()).toList();
    }

    static List<Item> heldOut(List<Item> set) {
        return set.stream().filter(Item::heldOut).toList();
    }

    private static boolean heldOut(String id) {
        return fold(id) == 0;
    }

    /** Which fifth an item is in: 0 is held out; the others can be told apart for validation inside training. */
    static int fold(String id) {
        CRC32 crc = new CRC32();
        crc.update(id.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % 5);
    }
}
