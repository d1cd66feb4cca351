package io.swiftresponse.taxonomy;

/** 咨询, 求助, 投诉, 举报, 建议: the legal request types. */
public record RequestType(String code, String nameZh, String nameEn) {
}
