package org.earshot.domain;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The platforms the installed connectors declare, each with its {@link Channel}; built once by the wiring. */
public final class Channels {
    private final Map<Platform, Channel> byPlatform = new LinkedHashMap<>();

    /** @throws IllegalArgumentException when two declarations of one platform differ */
    public Channels(Collection<Channel> channels) {
        for (Channel c : channels) {
            Channel before = byPlatform.putIfAbsent(c.platform(), c);
            if (before != null && !before.equals(c)) {
                throw new IllegalArgumentException("platform '" + c.platform().id() + "' is declared twice, differently: "
                        + before + " and " + c);
            }
        }
    }

    /** The platform's channel; for a platform no connector declares, {@link Channel#undeclared}. */
    public Channel of(Platform platform) {
        Channel c = byPlatform.get(platform);
        return c != null ? c : Channel.undeclared(platform);
    }

    public boolean declares(String id) {
        return byPlatform.keySet().stream().anyMatch(p -> p.id().equals(id));
    }

    /** The declared platform of this id ("X" and "x" alike). */
    public Platform platform(String id) {
        Platform p;
        try {
            p = Platform.valueOf(id);
        } catch (IllegalArgumentException e) {
            p = null;
        }
        if (p == null || !byPlatform.containsKey(p)) {
            throw new IllegalArgumentException("unknown platform '" + id + "', expected one of " + ids());
        }
        return p;
    }

    public List<Platform> platforms() {
        return List.copyOf(byPlatform.keySet());
    }

    /** The declared platforms' ids, in declaration order. */
    public List<String> ids() {
        return byPlatform.keySet().stream().map(Platform::id).toList();
    }

    /** These channels and those, the first declaration of a platform kept when both agree. */
    public Channels and(Collection<Channel> more) {
        List<Channel> all = new java.util.ArrayList<>(byPlatform.values());
        all.addAll(more);
        return new Channels(all);
    }
}
