package io.swiftresponse.search.index;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of order search ({@code swift.search.*}).
 *
 * @param maxStale       how long a committed change may take to become searchable
 * @param commitInterval how often indexed changes and the watermark are made durable
 * @param catchUpOverlap how far before the watermark a restart re-reads changes, to cover transactions that
 *                       committed late and events still in flight at the crash; re-reading is harmless
 * @param catchUpOnStart read what changed while the application was down (off for the offline command)
 * @param maxQueryLength longer search texts are refused with a hint
 * @param ramBufferMb    the writer's buffer before it flushes a segment
 */
@ConfigurationProperties("swift.search")
public record SearchProperties(Duration maxStale, Duration commitInterval, Duration catchUpOverlap, Boolean catchUpOnStart,
        Integer maxQueryLength, Integer ramBufferMb) {

    public SearchProperties {
        maxStale = maxStale == null ? Duration.ofMillis(250) : maxStale;
        commitInterval = commitInterval == null ? Duration.ofSeconds(5) : commitInterval;
        catchUpOverlap = catchUpOverlap == null ? Duration.ofMinutes(5) : catchUpOverlap;
        catchUpOnStart = catchUpOnStart == null || catchUpOnStart;
        maxQueryLength = maxQueryLength == null ? 200 : maxQueryLength;
        ramBufferMb = ramBufferMb == null ? 64 : ramBufferMb;
    }
}
