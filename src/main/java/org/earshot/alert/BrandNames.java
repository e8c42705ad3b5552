package org.earshot.alert;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.earshot.config.BrandConfig;

/** The names people know the brands by, for alert texts; routing keeps using the brand ids. */
public record BrandNames(Map<String, String> nameById) {
    /** Every brand shown by its id, where no names are configured. */
    public static final BrandNames IDS = new BrandNames(Map.of());

    public BrandNames {
        nameById = Map.copyOf(nameById);
    }

    public static BrandNames of(List<BrandConfig> brands) {
        return new BrandNames(brands.stream().filter(b -> b.name() != null && !b.name().isBlank())
                .collect(Collectors.toMap(BrandConfig::id, BrandConfig::name)));
    }

    /** "Acme Air" for "acme"; the id itself when the brand has no name; "" for none. */
    public String of(String brandId) {
        return brandId == null ? "" : nameById.getOrDefault(brandId, brandId);
    }
}
