package io.swiftresponse.shared;

import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/** Runs every module's {@link DemoSeed} in order once the application context is built. */
@Component
class DemoSeeding implements SmartInitializingSingleton {

    private final ObjectProvider<DemoSeed> seeds;

    DemoSeeding(ObjectProvider<DemoSeed> seeds) {
        this.seeds = seeds;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<DemoSeed> ordered = seeds.orderedStream().sorted(Comparator.comparingInt(DemoSeed::order)).toList();
        for (DemoSeed seed : ordered) {
            try {
                seed.seed();
            } catch (Exception e) {
                throw new IllegalStateException("Seeding the demo city failed in " + seed.getClass().getSimpleName() + ": "
                        + e.getMessage(), e);
            }
        }
    }
}
