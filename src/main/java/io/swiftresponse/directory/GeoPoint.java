package io.swiftresponse.directory;

/** WGS-84 latitude/longitude in degrees. */
public record GeoPoint(double lat, double lng) {
}
