/**
 * Intake: recording requests from every channel, classifying Chinese free text, suggesting the category and
 * the responsible unit, repeat detection and place lookup. So far: the text classifier and its command line.
 */
package io.swiftresponse.intake;
