/**
 * Notifications to the people concerned: for now an in-app inbox per user, unit or role with a delivery
 * state; e-mail and SMS channels plug in later behind the same inbox.
 */
package io.swiftresponse.notification;
