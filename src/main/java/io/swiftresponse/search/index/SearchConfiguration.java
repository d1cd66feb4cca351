package io.swiftresponse.search.index;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchProperties.class)
class SearchConfiguration {

    /** Kept in the data directory next to the embedded database, so both survive restarts together. */
    @Bean(destroyMethod = "close")
    OrderIndex orderIndex(@Value("${swift.data-dir}") String dataDir, SearchProperties properties) {
        return new OrderIndex(Path.of(dataDir, "index", "orders"), properties.maxStale().toMillis() / 1000.0,
                properties.ramBufferMb());
    }

    @Bean
    OrderSearcher orderSearcher(OrderIndex index) {
        return new OrderSearcher(index);
    }
}
