/**
 * The handling units (承办单位): the city hotline, districts (区), streets/townships (街道/乡镇), municipal
 * departments and public-service companies, their tree and their boundaries, and placing a point in a street.
 */
package io.swiftresponse.directory;
