package org.earshot.scoring.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Embeddings of the public sets kept in {@code target/}, so trying another head or reporting again
 * does not embed 7,600 texts again. Keyed by the exact text; a text not in it is embedded and added.
 */
final class EmbeddingCache {
    private static final Path FILE = Path.of("target", "e5-small-v2-q-embeddings.bin");

    private final SentenceEmbedder embedder;
    private final Map<String, float[]> vectors = new HashMap<>();
    private boolean changed;

    EmbeddingCache(SentenceEmbedder embedder) {
        this.embedder = embedder;
        read();
    }

    List<float[]> embed(List<PublicSets.Item> items) {
        List<String> missing = new ArrayList<>();
        for (PublicSets.Item i : items) {
            if (!vectors.containsKey(i.text())) {
                missing.add(i.text());
            }
        }
        missing = missing.stream().distinct().toList();
        for (int from = 0; from < missing.size(); from += 256) {
            List<String> batch = missing.subList(from, Math.min(missing.size(), from + 256));
            List<float[]> got = embedder.embed(batch);
            for (int k = 0; k < batch.size(); k++) {
                vectors.put(batch.get(k), got.get(k));
            }
            changed = true;
        }
        write();
        List<float[]> out = new ArrayList<>(items.size());
        for (PublicSets.Item i : items) {
            out.add(vectors.get(i.text()));
        }
        return out;
    }

    private void read() {
        if (!Files.isRegularFile(FILE)) {
            return;
        }
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(FILE)))) {
            int count = in.readInt();
            for (int k = 0; k < count; k++) {
                String text = in.readUTF();
                float[] v = new float[in.readInt()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = in.readFloat();
                }
                vectors.put(text, v);
            }
        } catch (IOException e) {
            vectors.clear();
        }
    }

    private void write() {
        if (!changed) {
            return;
        }
        try {
            Files.createDirectories(FILE.getParent());
            try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(FILE)))) {
                out.writeInt(vectors.size());
                for (Map.Entry<String, float[]> e : vectors.entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeInt(e.getValue().length);
                    for (float f : e.getValue()) {
                        out.writeFloat(f);
                    }
                }
            }
            changed = false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
