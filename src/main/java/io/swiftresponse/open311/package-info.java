/**
 * Open311 GeoReport v2 at the edge of the platform, with the FixMyStreet (mySociety) extensions: services are
 * our categories, requests are work orders recorded through the work-order façade on the channel of the API
 * key's owner. Owns jurisdictions, API keys (hashed, rate-limited, every use logged), the per-category questions
 * that make up service definitions, what clients sent with each request (token, media URL, attributes), and
 * the updates clients post. Never exposes a requester's personal data.
 */
package io.swiftresponse.open311;
