/**
 * Intake: helping the agent record a request. The Chinese text classifier and its command line
 * ({@code classifier}), suggestions while recording (top-3 categories with their units and explanations,
 * {@code suggest}), place lookup by gazetteer and street polygons ({@code place}), repeat detection and merge
 * (并单, {@code repeat}), and learning from the agents' choices ({@code learning}). Endpoints under
 * {@code /api/v1/intake} ({@code web}); see docs/intake.md.
 */
package io.swiftresponse.intake;
