package org.earshot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Corrupts one field of a real item at a time, the ways a platform or a proxy garbles payloads: the
 * field left out, null, an object, a list, a number or garbled text where something else belongs.
 * Objects are followed into (to {@code depth} levels); lists are not.
 */
public final class ItemMutations {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ItemMutations() {
    }

    /** One corrupted copy of the item and what was done to it. */
    public record Mutation(String path, String how, JsonNode item) {
        @Override
        public String toString() {
            return path + " " + how;
        }
    }

    public static List<Mutation> of(JsonNode item, int depth) {
        List<Mutation> out = new ArrayList<>();
        walk(item, item, "", depth, out);
        return out;
    }

    private static void walk(JsonNode root, JsonNode node, String path, int depth, List<Mutation> out) {
        if (!node.isObject() || depth == 0) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String here = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            out.add(mutate(root, here, "left out", null));
            out.add(mutate(root, here, "null", NODES.nullNode()));
            out.add(mutate(root, here, "an object", NODES.objectNode().put("garbled", true)));
            out.add(mutate(root, here, "a list", NODES.arrayNode().add("x")));
            out.add(mutate(root, here, "a number", NODES.numberNode(-7)));
            out.add(mutate(root, here, "garbled text", NODES.textNode("\u0000�}{ garbled")));
            walk(root, field.getValue(), here, depth - 1, out);
        }
    }

    private static Mutation mutate(JsonNode root, String path, String how, JsonNode value) {
        JsonNode copy = root.deepCopy();
        String[] parts = path.split("\\.");
        JsonNode parent = copy;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = parent.get(parts[i]);
        }
        String last = parts[parts.length - 1];
        if (value == null) {
            ((ObjectNode) parent).remove(last);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
        return new Mutation(path, how, copy);
    }
}
