/**
 * Time limits: versioned policies (per tier, with per-category overrides) that say how long each clock
 * of an order may run and which action starts it, deadlines computed on the official working-day
 * calendar, and the watch that warns, marks overdue, supervises (督办) and escalates.
 */
package io.swiftresponse.sla;
