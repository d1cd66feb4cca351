/**
 * Evaluation (考核): the three rates (响应率, 解决率, 满意率), composite scores and grades per unit, monthly
 * rankings per class of unit, exclusions and appeals (申诉), published (frozen) months with corrections, and
 * exports. Owns the versioned evaluation rules, per-order scoring facts and per-unit per-day counters kept
 * up to date from work-order events; a rebuild recomputes them from the orders. See docs/evaluation.md.
 */
package io.swiftresponse.evaluation;
