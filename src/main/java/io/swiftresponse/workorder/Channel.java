package io.swiftresponse.workorder;

/** Where a request came in. */
public enum Channel {
    PHONE,
    WEB,
    APP,
    WECHAT,
    EMAIL,
    OPEN311,
    OTHER
}
