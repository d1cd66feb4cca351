package io.swiftresponse.taxonomy;

/** A time-limit tier: hours to dispatch, and the reply limit in clock hours or working days. */
public record Tier(String code, String nameZh, int dispatchHours, Integer replyHours, Integer replyWorkingDays) {
}
