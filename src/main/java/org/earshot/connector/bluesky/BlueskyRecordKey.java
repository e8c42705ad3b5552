package org.earshot.connector.bluesky;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The record key a reply block is posted under, the same on every attempt to post that block.
 *
 * <p>Bluesky has no idempotency header; instead a repeated {@code createRecord} with the same
 * {@code rkey} is refused because the record already exists, so a block can never be posted twice.
 * Posts take record keys in TID form (13 base32-sortable characters holding microseconds since the
 * epoch and a 10-bit clock id). The key is made from the block's idempotency key and anchored at the
 * time the mention arrived: its time is that plus up to a second, its clock id from the same hash.
 */
final class BlueskyRecordKey {
    private static final String BASE32_SORTABLE = "234567abcdefghijklmnopqrstuvwxyz";
    private static final long TIMESTAMP_MASK = (1L << 53) - 1;

    private BlueskyRecordKey() {
    }

    static String of(String idempotencyKey, Instant anchor) {
        long hash = hash(idempotencyKey);
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, anchor) + (hash & 0xFFFFF);
        long clockId = (hash >>> 20) & 0x3FF;
        long value = ((micros & TIMESTAMP_MASK) << 10) | clockId;
        char[] key = new char[13];
        for (int i = key.length - 1; i >= 0; i--) {
            key[i] = BASE32_SORTABLE.charAt((int) (value & 31));
            value >>>= 5;
        }
        return new String(key);
    }

    private static long hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
