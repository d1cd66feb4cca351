/**
 * Request types, the three-level category tree, time-limit tiers and the dispatch catalogue
 * (派单目录: category → responsible unit type → tier).
 */
package io.swiftresponse.taxonomy;
